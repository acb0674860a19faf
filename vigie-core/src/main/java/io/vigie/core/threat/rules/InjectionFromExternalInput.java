package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Crafted input from outside a trust zone that a service turns into a query, a command or a file
 * path: SQL, command and HL7/FHIR injection. Injection is third in the OWASP Top 10 (2021); FDA
 * Appendix 1 category D asks for validation of all inputs from outside the device.
 */
final class InjectionFromExternalInput implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "injection-from-external-input",
      "Crafted external input injected into a service",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(20, 74, 89),
      List.of(66, 248, 152),
      "A service that receives data from another trust zone parses it and builds queries, commands "
          + "or paths from it; input that is not validated lets an attacker run their own (OWASP Top "
          + "10 A03; FDA premarket guidance, Appendix 1 D).",
      "API services, web apps, web portals, gateways and backend jobs that receive flows from another trust zone",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY),
      List.of(Capability.INPUT_VALIDATION, Capability.LEAST_PRIVILEGE),
      false,
      Complexity.LOW,
      "Fires on services that only relay opaque bytes; accept the risk with that rationale.");

  private static final Set<ComponentKind> PARSERS = EnumSet.of(ComponentKind.API_SERVICE, ComponentKind.WEB_APP,
      ComponentKind.WEB_PORTAL, ComponentKind.GATEWAY, ComponentKind.BACKEND_JOB, ComponentKind.IDENTITY_PROVIDER,
      ComponentKind.UPDATE_SERVER);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (!PARSERS.contains(c.kind())) {
        continue;
      }
      Set<String> zones = new TreeSet<>();
      for (DataFlow f : model.flowsTo(c.id())) {
        if (RuleSupport.crossesBoundary(model, f)) {
          zones.add(model.component(f.from()).zone());
        }
      }
      if (!zones.isEmpty()) {
        out.add(Finding.of(RuleSupport.name(c) + " parses input from zone(s) " + RuleSupport.list(zones) + ".", c.id()));
      }
    }
    return out;
  }
}
