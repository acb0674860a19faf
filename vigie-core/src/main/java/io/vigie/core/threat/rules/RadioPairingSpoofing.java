package io.vigie.core.threat.rules;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.ModelIndex;
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
 * An attacker in radio range pairs with a sensor or device, or impersonates one to the other end
 * (BLE "Just Works" pairing, BIAS and KNOB attacks). FDA Appendix 1 category A applies to radio
 * links as to networks; field advisories on BLE medical devices (SweynTooth, 2020) show the attack
 * surface is real.
 */
final class RadioPairingSpoofing implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "radio-pairing-spoofing",
      "Device impersonated or paired by an attacker in radio range",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(1390, 287),
      List.of(667, 668),
      "A radio link (Bluetooth LE, NFC, proprietary RF) is reachable by anyone in range; without "
          + "authenticated pairing, an attacker pairs with the device or poses as it and reads or "
          + "injects measurements and commands (FDA premarket guidance, Appendix 1 A).",
      "data flows over a radio link",
      List.of(ControlCategory.AUTHENTICATION, ControlCategory.CRYPTOGRAPHY),
      List.of(Capability.AUTHENTICATION, Capability.ENCRYPTION_IN_TRANSIT),
      false,
      Complexity.LOW,
      "Fires on radio links whose protocol name hides the radio (e.g. 'proprietary'); none expected otherwise.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      if (model.transport(f) != Transport.RADIO) {
        continue;
      }
      // The device in the field is what the attacker pairs with or poses as; else the receiver.
      Component from = model.component(f.from());
      Component device = from.kind().runsFirmware() ? from : model.component(f.to());
      String pairing = f.authentication() == Authentication.BLE_BONDING
          ? "paired with authenticated bonding" : RuleSupport.authentication(f);
      out.add(Finding.of(RuleSupport.flowName(f) + " runs over " + f.protocol() + " and is " + pairing + ".",
          f.id(), device.id()));
    }
    return out;
  }
}
