package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
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
 * Clinical data or an alert altered on its way: a glucose value, an ECG strip, an alarm's
 * priority. The clinician or the algorithm downstream acts on the altered value. FDA Appendix 1
 * category D asks for integrity of data whose corruption can cause harm, end to end where the data
 * passes intermediaries (gateways, phones, brokers).
 */
final class ClinicalDataTamperingInTransit implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "clinical-data-tampering-in-transit",
      "Clinical data or alert altered in transit",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(345, 924, 353),
      List.of(94, 148),
      "Health measurements, therapy parameters and alerts drive clinical decisions; altered on the "
          + "way (by an attacker on the link or a compromised relay), they lead to a wrong diagnosis, "
          + "dose or response (FDA premarket guidance, Appendix 1 D).",
      "networked flows that carry health or therapy data, and alert flows",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, ControlCategory.CRYPTOGRAPHY),
      List.of(Capability.MESSAGE_INTEGRITY, Capability.DATA_INTEGRITY_CHECK),
      false,
      Complexity.LOW,
      "Fires on copies of clinical data that nobody acts on (exports, archives); lower the asset's "
          + "integrity need or model them as technical data.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      boolean clinical = f.kind() == FlowKind.ALERT || model.carriesAny(f, RuleSupport.CLINICAL);
      if (clinical && RuleSupport.isNetworked(model, f)) {
        String what = f.kind() == FlowKind.ALERT ? "a clinical alert" : "clinical data";
        out.add(Finding.of(RuleSupport.flowName(f) + " carries " + what + " and is " + RuleSupport.integrity(f) + ".", f.id()));
      }
    }
    return out;
  }
}
