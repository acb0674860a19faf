package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.Linddun;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Stride;
import io.vigie.core.threat.Complexity;
import io.vigie.core.threat.Finding;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.RuleScope;
import io.vigie.core.threat.ThreatRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Personal or health data processed without a recorded legal basis, or on consent that was never
 * recorded. GDPR art. 6 and 9 require a legal basis, art. 7(1) that consent be demonstrable, and
 * art. 13 that the patient be told; the LINDDUN unawareness and non-compliance threats.
 */
final class ProcessingWithoutConsent implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "processing-without-consent",
      "Personal data processed without a recorded legal basis or consent",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.NON_COMPLIANCE),
      List.of(359),
      List.of(),
      "Health and personal data may be processed only on a legal basis (GDPR art. 6 and 9); when "
          + "that basis is consent, the maker must be able to show who consented to what and when "
          + "(art. 7(1)). Without it the processing is unlawful and the patient unaware of it.",
      "personal and health data assets that some component handles, with no legal basis, or consent as the basis but no consent record",
      List.of(ControlCategory.CONFIDENTIALITY),
      List.of(Capability.CONSENT_RECORD, Capability.DATA_MINIMISATION),
      false,
      Complexity.LOW,
      "Fires when the legal basis is written elsewhere (the privacy notice, the DPIA); copy it into "
          + "the asset's 'legalBasis'.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    // Every component that handles an asset counts, whatever the scope: an asset's finding reads all
    // of its handlers (ChangeScope puts the asset in scope when any of them changes).
    Map<String, Integer> handlers = new HashMap<>();
    for (Component c : model.model().components()) {
      c.handles().forEach(a -> handlers.merge(a, 1, Integer::sum));
    }
    List<Finding> out = new ArrayList<>();
    for (DataAsset a : scope.assets(model)) {
      if (!a.category().isPersonal() || !handlers.containsKey(a.id()) || a.consent().isPresent()) {
        continue;
      }
      Optional<String> basis = a.legalBasis();
      if (basis.isEmpty()) {
        out.add(Finding.of("Personal data '" + a.name() + "' is handled by " + handlers.get(a.id())
            + " component(s) with neither a legal basis nor a consent record declared.", a.id()));
      } else if (basis.get().toLowerCase(Locale.ROOT).contains("consent")) {
        out.add(Finding.of("Personal data '" + a.name() + "' is processed on consent ('" + basis.get()
            + "') but no consent record is declared.", a.id()));
      }
    }
    return out;
  }
}
