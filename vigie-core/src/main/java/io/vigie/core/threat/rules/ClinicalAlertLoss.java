package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Stride;
import io.vigie.core.model.Transport;
import io.vigie.core.threat.Complexity;
import io.vigie.core.threat.Finding;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.ThreatRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An alert that never arrives: dropped by a flooded broker, a jammed radio, an expired push token,
 * and nobody notices. IEC 60601-1-8 and IEC 80601-2-49 ask that a failure of a distributed alarm
 * system be itself signalled; FDA Appendix 1 category G.
 */
final class ClinicalAlertLoss implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "clinical-alert-loss",
      "Clinical alert silently lost",
      Stride.DENIAL_OF_SERVICE,
      Optional.empty(),
      List.of(392, 400),
      List.of(603, 601),
      "An attacker who blocks, floods or jams the path of an alert delays the response to a "
          + "deterioration; unless delivery is confirmed and its failure signalled, neither the "
          + "patient nor the clinician knows the alert was lost (IEC 60601-1-8 distributed alarm systems).",
      "alert flows",
      List.of(ControlCategory.RESILIENCY_RECOVERY, ControlCategory.EVENT_DETECTION_LOGGING),
      List.of(Capability.ALERT_DELIVERY_MONITORING, Capability.REDUNDANCY),
      false,
      Complexity.LOW,
      "Fires on informational notifications declared as alerts; declare them as notifications.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      if (f.kind() == FlowKind.ALERT) {
        out.add(Finding.of(RuleSupport.flowName(f) + " carries a clinical alert over "
            + Names.of(model.transport(f)) + " (" + f.protocol() + ") that can be blocked without anyone noticing.", f.id()));
      }
    }
    return out;
  }
}
