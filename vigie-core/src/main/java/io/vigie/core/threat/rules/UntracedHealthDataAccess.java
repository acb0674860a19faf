package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Stride;
import io.vigie.core.threat.Complexity;
import io.vigie.core.threat.Finding;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.ThreatRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who read which patient's health data cannot be shown. GDPR art. 5(2) (accountability) and
 * art. 30, the HIPAA Security Rule §164.312(b) and the French HDS and "traçabilité des accès"
 * requirements ask a health-data host to log every access; without it a snooping employee or a
 * stolen account goes unseen and a breach cannot be scoped.
 */
final class UntracedHealthDataAccess implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "untraced-health-data-access",
      "Access to health data is not traced",
      Stride.REPUDIATION,
      Optional.of(Linddun.NON_COMPLIANCE),
      List.of(778),
      List.of(),
      "A server-side store of health data is read by staff, support and services; without an audit "
          + "trail of each access, misuse by an insider or a stolen account is neither detected nor "
          + "attributable, and the breach notification of GDPR art. 33 cannot say whose data was read.",
      "server-side components that store health data",
      List.of(ControlCategory.EVENT_DETECTION_LOGGING),
      List.of(Capability.AUDIT_LOG, Capability.SECURITY_MONITORING),
      true,
      Complexity.LOW,
      "Fires on caches and queues that hold health data briefly; an audit trail at the component "
          + "that serves the data can be declared as a control protecting these too.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (RuleSupport.isServerSide(c) && model.storesAny(c, RuleSupport.HEALTH)) {
        List<String> health = RuleSupport.matching(model, c.stores(), a -> a.category() == DataCategory.HEALTH);
        out.add(Finding.of(RuleSupport.name(c) + " stores health data (" + RuleSupport.list(health)
            + ") that staff and services read; each access must be traceable.", c.id()));
      }
    }
    return out;
  }
}
