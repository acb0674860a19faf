package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Stride;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
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
 * Health data hosted on behalf of patients by a host not certified for it. French law (Code de la
 * santé publique L.1111-8) requires an HDS-certified host; GDPR art. 28 requires a processing
 * agreement with any processor; other markets have equivalents (HIPAA business associate
 * agreements).
 */
final class UncertifiedHealthDataHosting implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "uncertified-health-data-hosting",
      "Health data hosted outside a certified health-data host",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.NON_COMPLIANCE),
      List.of(359),
      List.of(),
      "Health data stored in a cloud or third-party zone that is not a certified health-data host is "
          + "outside the security and audit obligations the law puts on such hosts (HDS in France, "
          + "CSP L.1111-8), and without a processing agreement outside the maker's control (GDPR art. 28).",
      "components storing health data in a zone of internet, third-party, maker-cloud or certified-hosting trust not marked certifiedHealthDataHost",
      List.of(ControlCategory.CONFIDENTIALITY),
      List.of(Capability.CERTIFIED_HOSTING, Capability.DATA_PROCESSING_AGREEMENT),
      false,
      Complexity.LOW,
      "Fires when the zone is certified but the model does not say so; set certifiedHealthDataHost on the zone.");

  private static final Set<TrustLevel> HOSTED = EnumSet.of(TrustLevel.INTERNET, TrustLevel.THIRD_PARTY,
      TrustLevel.MAKER_CLOUD, TrustLevel.CERTIFIED_HOSTING);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      TrustZone zone = model.zoneOf(c);
      if (HOSTED.contains(zone.trust()) && !zone.certifiedHealthDataHost() && model.storesAny(c, RuleSupport.HEALTH)) {
        out.add(Finding.of(RuleSupport.name(c) + " stores health data in zone '" + zone.name() + "' ("
            + Names.of(zone.trust()) + "), which is NOT a certified health-data host.", c.id()));
      }
    }
    return out;
  }
}
