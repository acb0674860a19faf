package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
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
 * A sender on the far side of a trust boundary pretends to be another. Components in one zone
 * trust each other by definition, so every flow that enters a zone from another is where identity
 * must be proven (FDA Appendix 1, category A; IEC 81001-5-1 §5.2 threat model at trust
 * boundaries). Commands to clinical functions have their own rule, {@code forged-therapy-command},
 * so that one attack is not on the register twice.
 */
final class SpoofingAcrossTrustBoundary implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "spoofing-across-trust-boundary",
      "Sender spoofed across a trust boundary",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(290, 287),
      List.of(151, 94),
      "The receiver of a flow from another trust zone acts on what it receives as if it came from "
          + "the declared sender; an attacker who can reach the flow impersonates that sender unless "
          + "the receiver authenticates it with a secret unique to it (FDA premarket guidance, "
          + "Appendix 1 A).",
      "networked data flows whose two ends are in different trust zones, except commands to a clinical function",
      List.of(ControlCategory.AUTHENTICATION),
      List.of(Capability.AUTHENTICATION, Capability.UNIQUE_CREDENTIALS),
      false,
      Complexity.LOW,
      "Fires for flows between zones the maker considers one network; merge such zones in the model.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      if (RuleSupport.crossesBoundary(model, f) && !RuleSupport.isClinicalCommand(model, f)) {
        Component to = model.component(f.to());
        out.add(Finding.of(RuleSupport.flowName(f) + " enters zone '" + to.zone() + "' from zone '"
            + model.component(f.from()).zone() + "' and is " + RuleSupport.authentication(f) + ".",
            f.id(), to.id()));
      }
    }
    return out;
  }
}
