package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Linddun;
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
 * Health data read from where it is kept: a lost phone, a device returned for repair, a copied
 * disk or backup. GDPR art. 32 and art. 34(3)(a) (no notification to patients when stolen data
 * is encrypted), HIPAA §164.312(a)(2)(iv) and FDA Appendix 1 category E name encryption at rest.
 */
final class HealthDataDisclosureAtRest implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "health-data-disclosure-at-rest",
      "Health data read at rest",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.DATA_DISCLOSURE),
      List.of(312, 311),
      List.of(37, 507),
      "Health data stored on a phone, a device, a disk or a backup is read by whoever gets hold of "
          + "the medium, unless it is encrypted with a key kept apart from it; encrypted data spares "
          + "the maker notifying every patient of the breach (GDPR art. 34(3)(a)).",
      "each health-data asset each component stores",
      List.of(ControlCategory.CRYPTOGRAPHY, ControlCategory.CONFIDENTIALITY),
      List.of(Capability.ENCRYPTION_AT_REST, Capability.KEY_MANAGEMENT),
      false,
      Complexity.HIGH,
      "Fires on components that only pass health data through; declare it under 'processes' "
          + "rather than 'stores' if nothing is written to disk.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      for (String asset : RuleSupport.matching(model, c.stores(), a -> a.category() == DataCategory.HEALTH)) {
        out.add(Finding.of(RuleSupport.name(c) + " stores health data '" + asset + "' in zone '"
            + c.zone() + "'.", c.id(), asset));
      }
    }
    return out;
  }
}
