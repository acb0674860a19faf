package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
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
 * A secret read out of a mobile app or a device firmware image: an API key, a shared secret, a
 * stored password. Reverse engineering an app takes minutes (OWASP MASVS-STORAGE, MASVS-CRYPTO);
 * a secret common to every copy then opens the backend to anyone (FDA Appendix 1 A and C).
 */
final class ExtractableClientSecret implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "extractable-client-secret",
      "Secret extracted from an app or device in the attacker's hands",
      Stride.INFORMATION_DISCLOSURE,
      Optional.empty(),
      List.of(922, 312, 798),
      List.of(37, 191),
      "Apps and devices run on hardware the attacker controls; any secret they store or use to "
          + "authenticate is recoverable by reverse engineering, unless kept in a hardware-backed key "
          + "store and unique to the installation (OWASP MASVS; FDA premarket guidance, Appendix 1 A, C).",
      "mobile apps and field devices that store credentials or authenticate with a shared secret or API key",
      List.of(ControlCategory.CRYPTOGRAPHY, ControlCategory.AUTHENTICATION),
      List.of(Capability.SECRETS_MANAGEMENT, Capability.KEY_MANAGEMENT, Capability.UNIQUE_CREDENTIALS),
      false,
      Complexity.LOW,
      "Fires on an API key that only identifies the app to a public endpoint; lower the asset's "
          + "confidentiality need or accept the risk.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (!RuleSupport.isInAttackersHands(c)) {
        continue;
      }
      List<String> stored = RuleSupport.matching(model, c.stores(), a -> a.category() == DataCategory.CREDENTIALS);
      List<String> fleet = model.flowsFrom(c.id()).stream().filter(RuleSupport::usesFleetSecret)
          .map(DataFlow::id).sorted().toList();
      if (!stored.isEmpty() || !fleet.isEmpty()) {
        String what = !stored.isEmpty() ? "stores credentials (" + RuleSupport.list(stored) + ")"
            : "authenticates flow(s) " + RuleSupport.list(fleet) + " with a secret shared by every copy";
        out.add(Finding.of(RuleSupport.name(c) + " " + what + ".", c.id()));
      }
    }
    return out;
  }
}
