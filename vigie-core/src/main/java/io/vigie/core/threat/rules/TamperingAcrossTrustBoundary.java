package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Need;
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
 * Data altered on its way between two trust zones. This is the generic tampering rule: flows that
 * carry clinical data, alerts or software updates have their own rules with the medical
 * consequences spelled out, so this one covers the remaining flows whose content needs integrity
 * (credentials, configuration, personal data), per FDA Appendix 1 category D.
 */
final class TamperingAcrossTrustBoundary implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "tampering-across-trust-boundary",
      "Data tampered with across a trust boundary",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(345, 924),
      List.of(94, 384),
      "An attacker on the path between two trust zones alters what a flow carries; the receiver "
          + "acts on wrong data unless it can check the content's integrity (FDA premarket guidance, "
          + "Appendix 1 D: code, data and execution integrity).",
      "networked flows between trust zones that carry data needing integrity, other than clinical data, alerts and updates",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, ControlCategory.CRYPTOGRAPHY),
      List.of(Capability.MESSAGE_INTEGRITY, Capability.DATA_INTEGRITY_CHECK),
      false,
      Complexity.LOW,
      "Fires for data whose integrity need is set too high; lower the asset's integrity need instead.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      if (!RuleSupport.crossesBoundary(model, f) || f.kind() == FlowKind.ALERT || f.kind() == FlowKind.UPDATE
          || model.carriesAny(f, RuleSupport.CLINICAL)) {
        continue;
      }
      List<String> sensitive = RuleSupport.matching(model, f.assets(), (DataAsset a) -> a.integrity().atLeast(Need.MEDIUM));
      if (!sensitive.isEmpty()) {
        out.add(Finding.of(RuleSupport.flowName(f) + " crosses a trust boundary with " + RuleSupport.list(sensitive)
            + " and is " + RuleSupport.integrity(f) + ".", f.id()));
      }
    }
    return out;
  }
}
