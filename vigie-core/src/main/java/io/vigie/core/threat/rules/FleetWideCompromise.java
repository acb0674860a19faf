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
import java.util.Set;
import java.util.TreeSet;

/**
 * One compromised server that sends commands, therapy settings or updates to every device of the
 * fleet: a single intrusion becomes multi-patient harm. The FDA premarket guidance (section V.A.4)
 * asks makers to consider multi-patient harm; devices that check end-to-end signatures made
 * outside the server contain it.
 */
final class FleetWideCompromise implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "fleet-wide-compromise",
      "Compromised central server controls every device of the fleet",
      Stride.ELEVATION_OF_PRIVILEGE,
      Optional.empty(),
      List.of(653, 250),
      List.of(),
      "A server-side component that sends commands, therapy settings or software to field devices "
          + "or clinical functions holds, in effect, control of every patient's device; an attacker "
          + "who takes it over harms many patients at once (FDA premarket guidance: multi-patient harm).",
      "server-side components sending commands, therapy settings or software to a field device or a clinical function",
      List.of(ControlCategory.AUTHORIZATION, ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, ControlCategory.EVENT_DETECTION_LOGGING),
      List.of(Capability.SIGNATURE_VERIFICATION, Capability.LEAST_PRIVILEGE, Capability.SECURITY_MONITORING),
      false,
      Complexity.HIGH,
      "Fires on servers that only forward signatures made by clinicians' own keys; declare "
          + "signature-verification on the receiving device.");

  private static final Set<DataCategory> CONTROLLING = EnumSet.of(DataCategory.THERAPY, DataCategory.SOFTWARE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component server : scope.components(model)) {
      if (!RuleSupport.isServerSide(server) || server.kind().runsFirmware()) {
        continue;
      }
      Set<String> targets = new TreeSet<>();
      for (DataFlow f : model.flowsFrom(server.id())) {
        Component to = model.component(f.to());
        boolean controls = f.kind() == FlowKind.COMMAND || f.kind() == FlowKind.UPDATE || model.carriesAny(f, CONTROLLING);
        if (controls && (to.kind().runsFirmware() || to.clinicalFunction().isPresent())) {
          targets.add(to.id());
        }
      }
      for (String target : targets) {
        out.add(Finding.of(RuleSupport.name(server) + " sends commands, therapy settings or software to every "
            + RuleSupport.name(model.component(target)) + " of the fleet.", server.id(), target));
      }
    }
    return out;
  }
}
