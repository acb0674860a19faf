package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Reachability;
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
 * Known vulnerabilities in the third-party software a component is built on, exploited remotely
 * before the maker patches them. FDA premarket guidance asks for an SBOM and a plan to patch
 * (section 524B(b)(2)-(3) of the FD&C Act); IEC 81001-5-1 §5.1.6 and §7 for maintenance of
 * software of unknown provenance.
 */
final class UnpatchedThirdPartySoftware implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "unpatched-third-party-software",
      "Known vulnerability in third-party software exploited",
      Stride.ELEVATION_OF_PRIVILEGE,
      Optional.empty(),
      List.of(1395, 1104),
      List.of(310),
      "Operating systems, libraries and frameworks publish vulnerabilities weekly; a component "
          + "reachable over a network that runs them unpatched is taken over with public exploits "
          + "(FD&C Act section 524B; FDA premarket guidance, Appendix 1 H).",
      "components the maker ships that declare technologies or an SBOM and are reachable over a network or radio",
      List.of(ControlCategory.FIRMWARE_SOFTWARE_UPDATES),
      List.of(Capability.PATCH_MANAGEMENT, Capability.HARDENING),
      false,
      Complexity.LOW,
      "Fires even when every dependency is current; the threat is the next vulnerability, and a "
          + "verified patch process is its mitigation.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      boolean thirdPartyCode = !c.technologies().isEmpty() || c.sbom().isPresent();
      Reachability from = model.reachability(c);
      boolean remote = from == Reachability.INTERNET || from == Reachability.ADJACENT;
      if (thirdPartyCode && remote && c.kind() != ComponentKind.THIRD_PARTY_SERVICE) {
        String built = c.technologies().isEmpty() ? "third-party software" : RuleSupport.list(c.technologies());
        String sbom = c.sbom().isPresent() ? "listed in SBOM " + c.sbom().get() : "with NO SBOM declared";
        out.add(Finding.of(RuleSupport.name(c) + " runs " + built + ", " + sbom + ", and is reachable from "
            + Names.of(from) + ".", c.id()));
      }
    }
    return out;
  }
}
