package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A forged command that changes a clinical function or therapy (a dose, an alarm threshold, a
 * pump rate): the attack that turns a security flaw into patient harm. FDA Appendix 1 category A
 * asks for authentication of commands and anti-replay for critical ones.
 */
final class UnauthenticatedTherapyCommand implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "forged-therapy-command",
      "Forged command changes a clinical function or therapy",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(306, 294),
      List.of(151, 60),
      "A component with a clinical function acts on commands or therapy settings it receives; an "
          + "attacker who can send or replay one changes the therapy without the clinician.",
      "command flows, and flows carrying therapy settings, into a component with a clinical function",
      List.of(ControlCategory.AUTHENTICATION, ControlCategory.CODE_DATA_EXECUTION_INTEGRITY),
      List.of(Capability.AUTHENTICATION, Capability.MESSAGE_INTEGRITY, Capability.ANTI_REPLAY),
      false,
      Complexity.LOW,
      "None known: if the receiving component has no clinical function, do not declare one.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component target = model.component(f.to());
      boolean command = f.kind() == FlowKind.COMMAND || model.carriesAny(f, EnumSet.of(DataCategory.THERAPY));
      if (command && target.clinicalFunction().isPresent()) {
        String auth = f.authentication().isPresent()
            ? "authenticated by " + io.vigie.core.model.Names.of(f.authentication())
            : "NOT authenticated";
        out.add(Finding.of("Flow '" + f.name() + "' sends commands or therapy settings to "
            + target.name() + " (" + target.clinicalFunction().get() + "); it is " + auth + ".",
            f.id(), target.id()));
      }
    }
    return out;
  }
}
