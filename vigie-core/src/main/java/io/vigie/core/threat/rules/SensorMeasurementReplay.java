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
 * Old, valid measurements sent again in place of new ones: a normal glucose or SpO2 reading
 * replayed while the patient deteriorates. Integrity and authentication alone do not stop it; a
 * counter or timestamp checked by the receiver does (FDA Appendix 1 category A, anti-replay).
 */
final class SensorMeasurementReplay implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "sensor-measurement-replay",
      "Old sensor measurements replayed to mask the patient's state",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(294),
      List.of(94),
      "A recorded, correctly signed measurement is still valid when replayed; an attacker in radio "
          + "range or on the path hides a deterioration behind normal values unless the receiver "
          + "rejects stale or repeated messages (FDA premarket guidance, Appendix 1 A).",
      "flows carrying health data out of a sensor or field device",
      List.of(ControlCategory.AUTHENTICATION, ControlCategory.CODE_DATA_EXECUTION_INTEGRITY),
      List.of(Capability.ANTI_REPLAY, Capability.MESSAGE_INTEGRITY),
      false,
      Complexity.HIGH,
      "Fires on devices that send only summaries nobody acts on in real time; accept the risk with that rationale.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component from = model.component(f.from());
      if (from.kind().runsFirmware() && RuleSupport.isNetworked(model, f) && model.carriesAny(f, RuleSupport.HEALTH)) {
        out.add(Finding.of(RuleSupport.flowName(f) + " sends measurements from " + RuleSupport.name(from)
            + " that can be recorded and replayed.", f.id(), from.id()));
      }
    }
    return out;
  }
}
