package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
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
 * Personal data kept after its purpose is served: the longer and the more it is kept, the more a
 * breach exposes. GDPR art. 5(1)(e) (storage limitation) and art. 17 (erasure), balanced against
 * medical-record retention duties; the LINDDUN non-compliance threat.
 */
final class ExcessiveDataRetention implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "excessive-data-retention",
      "Personal data kept longer than its purpose",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.NON_COMPLIANCE),
      List.of(359),
      List.of(),
      "Server-side stores of personal and health data grow with every patient; without a retention "
          + "period and its enforcement, data of patients who left is kept, exposed in any breach, "
          + "and erasure requests cannot be honoured (GDPR art. 5(1)(e), 17).",
      "server-side components that store personal or health data",
      List.of(ControlCategory.CONFIDENTIALITY),
      List.of(Capability.DATA_RETENTION, Capability.DATA_MINIMISATION),
      false,
      Complexity.HIGH,
      "Fires on stores whose retention is set by law (medical records); declare a data-retention "
          + "control that cites the legal period.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (RuleSupport.isServerSide(c) && model.storesAny(c, RuleSupport.PERSONAL)) {
        List<String> personal = RuleSupport.matching(model, c.stores(), a -> a.category().isPersonal());
        out.add(Finding.of(RuleSupport.name(c) + " keeps personal data (" + RuleSupport.list(personal)
            + ") with no retention limit known to the model.", c.id()));
      }
    }
    return out;
  }
}
