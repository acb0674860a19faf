package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
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
 * Malicious software installed through the update channel: the attack that reaches every device
 * of a fleet at once. FDA Appendix 1 category H asks that updates be authenticated and their
 * integrity verified by the device before installation; IEC 81001-5-1 §5.8 and EU MDCG 2019-16
 * §3.6 ask the same.
 */
final class UnsignedSoftwareUpdate implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "unsigned-software-update",
      "Malicious software installed through the update channel",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(494, 347),
      List.of(186),
      "A component that installs the software or firmware it receives runs whatever an attacker "
          + "who controls the channel or the update server sends, unless it verifies a signature made "
          + "with a key the update server does not hold online (FDA premarket guidance, Appendix 1 H).",
      "update flows, and flows carrying software into a device in the field",
      List.of(ControlCategory.FIRMWARE_SOFTWARE_UPDATES, ControlCategory.CODE_DATA_EXECUTION_INTEGRITY),
      List.of(Capability.SIGNATURE_VERIFICATION, Capability.CODE_SIGNING, Capability.SECURE_BOOT),
      false,
      Complexity.LOW,
      "Fires on configuration pushed as 'software' data; model it as technical data if it cannot change code.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component target = model.component(f.to());
      boolean software = f.kind() == FlowKind.UPDATE
          || (target.kind().runsFirmware() && model.carriesAny(f, EnumSet.of(DataCategory.SOFTWARE)));
      if (software) {
        String signed = f.integrity() == Integrity.SIGNATURE ? "signed" : "NOT signed (" + RuleSupport.integrity(f) + ")";
        out.add(Finding.of(RuleSupport.flowName(f) + " installs software on " + RuleSupport.name(target)
            + "; the update is " + signed + ".", f.id(), target.id()));
      }
    }
    return out;
  }
}
