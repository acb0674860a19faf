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
 * A service anyone on the internet can reach is flooded until it stops answering. For a connected
 * medical device the loss is clinical when the service relays alerts or therapy (FDA Appendix 1
 * category G, resiliency; AAMI TIR57 availability).
 */
final class InternetFacingDenialOfService implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "internet-facing-denial-of-service",
      "Internet-facing component made unavailable",
      Stride.DENIAL_OF_SERVICE,
      Optional.empty(),
      List.of(400, 770),
      List.of(125, 469),
      "An attacker floods or exhausts a component reachable from the internet; patients and "
          + "clinicians lose the data, alerts or commands it serves for as long as the attack lasts "
          + "(FDA premarket guidance, Appendix 1 G).",
      "components reachable from the internet that receive flows or declare internet exposure, except mobile apps",
      List.of(ControlCategory.RESILIENCY_RECOVERY),
      List.of(Capability.DOS_PROTECTION, Capability.RATE_LIMITING, Capability.REDUNDANCY),
      false,
      Complexity.LOW,
      "Fires on components that only call out to the internet if they are given internet exposure; "
          + "remove the exposure.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      boolean serves = !model.flowsTo(c.id()).isEmpty() || c.exposure().isPresent();
      if (c.kind() != ComponentKind.MOBILE_APP && serves && RuleSupport.isInternetFacing(model, c)) {
        String role = c.clinicalFunction().map(f -> "; its clinical function '" + f + "' stops with it").orElse("");
        out.add(Finding.of(RuleSupport.name(c) + " is reachable from the internet" + role + ".", c.id()));
      }
    }
    return out;
  }
}
