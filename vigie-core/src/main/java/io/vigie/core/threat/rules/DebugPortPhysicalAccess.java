package io.vigie.core.threat.rules;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Someone holding the device opens it and uses its debug or service port (JTAG, SWD, UART, USB
 * service mode) to read firmware and keys or to load modified firmware. FDA Appendix 1 category D
 * asks to disable or protect debug interfaces in production; the keys read from one unit often
 * open the whole fleet.
 */
final class DebugPortPhysicalAccess implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "debug-port-physical-access",
      "Device taken over through a debug or service port",
      Stride.ELEVATION_OF_PRIVILEGE,
      Optional.empty(),
      List.of(1191, 1263),
      List.of(121, 401),
      "Devices in patients' homes and hospitals can be bought, stolen or borrowed; an attacker with "
          + "the device in hand uses its debug or wired service interface to dump firmware and "
          + "secrets or to run code of their own (FDA premarket guidance, Appendix 1 D).",
      "components that run firmware in the field (embedded devices, sensors, gateways)",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, ControlCategory.CONFIDENTIALITY),
      List.of(Capability.PHYSICAL_PROTECTION, Capability.TAMPER_DETECTION, Capability.SECURE_BOOT),
      false,
      Complexity.HIGH,
      "Fires on devices whose debug interfaces are fused off in production; declare a control "
          + "providing physical-protection that says so.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (!c.kind().runsFirmware()) {
        continue;
      }
      // A modelled wired link is the entry, so the risk starts from physical access.
      Optional<DataFlow> wired = Stream.concat(model.flowsTo(c.id()).stream(), model.flowsFrom(c.id()).stream())
          .filter(f -> model.transport(f) == Transport.WIRED_LOCAL)
          .min(Comparator.comparing(DataFlow::id));
      if (wired.isPresent()) {
        out.add(Finding.of(RuleSupport.name(c) + " exposes a wired local interface ('" + wired.get().name() + "', "
            + wired.get().protocol() + ") to anyone holding the device.", wired.get().id(), c.id()));
      } else {
        out.add(Finding.of(RuleSupport.name(c) + " runs firmware on hardware an attacker can hold and open.", c.id()));
      }
    }
    return out;
  }
}
