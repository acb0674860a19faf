package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
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
import java.util.Set;

/**
 * Nobody can say who changed a therapy setting, a command or a component's software. ISO 14971
 * investigation of an adverse event and FDA postmarket expectations need to know which account
 * made a change and when; FDA Appendix 1 category F asks for an audit log of security-relevant
 * events, and IEC 62304 §6 for change records.
 */
final class RepudiableClinicalChange implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "repudiable-clinical-change",
      "Change to therapy, commands or software cannot be attributed",
      Stride.REPUDIATION,
      Optional.empty(),
      List.of(778, 223),
      List.of(268, 93),
      "A component that receives commands, therapy settings or software changes what the device does; "
          + "without a tamper-evident record of who sent each change, an insider or an attacker denies "
          + "it and an adverse-event investigation cannot reconstruct what happened (FDA premarket "
          + "guidance, Appendix 1 F).",
      "components that receive commands, therapy settings or software",
      List.of(ControlCategory.EVENT_DETECTION_LOGGING),
      List.of(Capability.AUDIT_LOG),
      true,
      Complexity.LOW,
      "Fires for test or simulation components; leave them out of the product model.");

  private static final Set<DataCategory> CHANGES = EnumSet.of(DataCategory.THERAPY, DataCategory.SOFTWARE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      long changes = model.flowsTo(c.id()).stream()
          .filter(f -> f.kind() == FlowKind.COMMAND || f.kind() == FlowKind.UPDATE || model.carriesAny(f, CHANGES))
          .count();
      if (changes > 0) {
        out.add(Finding.of(RuleSupport.name(c) + " receives " + changes
            + " flow(s) of commands, therapy settings or software whose senders must be recorded.", c.id()));
      }
    }
    return out;
  }
}
