package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Stride;
import io.vigie.core.model.Transport;
import io.vigie.core.threat.Complexity;
import io.vigie.core.threat.Finding;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.ThreatRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Health or personal data read off the wire. GDPR art. 32 and the FDA's confidentiality category
 * (Appendix 1, E) ask for encryption of such data in transit; TLS (or BLE link encryption) on the
 * flow is the mitigation that lowers this risk.
 */
final class HealthDataDisclosureInTransit implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "health-data-disclosure-in-transit",
      "Health data read in transit",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.DATA_DISCLOSURE),
      List.of(319),
      List.of(157),
      "An attacker on the network path (or in radio range) reads health or personal data that a "
          + "flow carries, unless the flow is encrypted; a breach of health data must be notified "
          + "(GDPR art. 33-34) and erodes patients' trust.",
      "data flows that carry health or personal data over a network or radio link",
      List.of(ControlCategory.CRYPTOGRAPHY, ControlCategory.CONFIDENTIALITY),
      List.of(Capability.ENCRYPTION_IN_TRANSIT, Capability.KEY_MANAGEMENT),
      false,
      Complexity.LOW,
      "Fires for flows inside one host if their protocol is not recognised as local; declare such "
          + "flows with protocol 'ipc' or 'in-process'.");

  private static final EnumSet<DataCategory> SENSITIVE = EnumSet.of(DataCategory.HEALTH, DataCategory.PERSONAL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      if (model.transport(f) != Transport.IN_PROCESS && model.carriesAny(f, SENSITIVE)) {
        String how = f.encryption().isPresent() ? "encrypted (" + f.protocol() + ")" : "NOT encrypted (" + f.protocol() + ")";
        out.add(Finding.of("Flow '" + f.name() + "' from " + f.from() + " to " + f.to()
            + " carries health or personal data and is " + how + ".", f.id()));
      }
    }
    return out;
  }
}
