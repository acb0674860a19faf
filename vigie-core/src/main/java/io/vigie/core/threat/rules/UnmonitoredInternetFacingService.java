package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
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
 * An attack on an internet-facing service that nobody sees until patients are harmed or data is
 * for sale. FDA premarket guidance (Appendix 1 F) and the postmarket guidance ask makers to detect
 * and respond to security events; IEC 81001-5-1 §9 asks for monitoring of released products.
 */
final class UnmonitoredInternetFacingService implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "unmonitored-internet-facing-service",
      "Attack on an internet-facing service goes undetected",
      Stride.REPUDIATION,
      Optional.empty(),
      List.of(778, 223),
      List.of(),
      "Services reachable from the internet are probed and attacked continuously; without security "
          + "monitoring the maker cannot see an intrusion, contain it or meet the postmarket duty to "
          + "detect and respond (FDA premarket guidance, Appendix 1 F; IEC 81001-5-1 §9).",
      "server-side components the maker operates that are reachable from the internet",
      List.of(ControlCategory.EVENT_DETECTION_LOGGING),
      List.of(Capability.SECURITY_MONITORING, Capability.INTRUSION_DETECTION),
      false,
      Complexity.LOW,
      "Fires on services monitored by a platform the model does not show; declare that monitoring as a "
          + "control protecting the zone.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      boolean operated = RuleSupport.isServerSide(c) && c.kind() != ComponentKind.THIRD_PARTY_SERVICE
          && !model.zoneOf(c).trust().isUntrusted();
      if (operated && RuleSupport.isInternetFacing(model, c)) {
        out.add(Finding.of(RuleSupport.name(c) + " is reachable from the internet and must be watched for attacks.", c.id()));
      }
    }
    return out;
  }
}
