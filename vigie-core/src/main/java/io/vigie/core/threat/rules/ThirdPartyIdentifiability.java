package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
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
 * Health or personal data sent to a third party (analytics, crash reporting, messaging, CRM) that
 * can identify the patient or link them across services. GDPR art. 25 (data protection by design:
 * pseudonymisation, minimisation) and the LINDDUN identifying threat; analytics SDKs in health apps
 * are a recurring finding of data protection authorities.
 */
final class ThirdPartyIdentifiability implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "third-party-identifiability",
      "Patient identified or linked by a third-party service",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.IDENTIFYING),
      List.of(359, 201),
      List.of(),
      "A third-party service receiving health or personal data with identifiers can tie it to the "
          + "patient and link it with what it holds from other sources, beyond the purpose the "
          + "patient agreed to (GDPR art. 5(1)(c), 25 and 28).",
      "flows carrying health or personal data to a third-party service or into an internet or third-party zone",
      List.of(ControlCategory.CONFIDENTIALITY),
      List.of(Capability.PSEUDONYMISATION, Capability.DATA_MINIMISATION, Capability.DATA_PROCESSING_AGREEMENT),
      false,
      Complexity.LOW,
      "Fires when the data is already pseudonymised before it leaves; declare a control providing pseudonymisation.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component to = model.component(f.to());
      boolean thirdParty = to.kind() == ComponentKind.THIRD_PARTY_SERVICE || model.zoneOf(to).trust().isUntrusted();
      if (thirdParty && model.carriesAny(f, RuleSupport.PERSONAL)) {
        List<String> personal = RuleSupport.matching(model, f.assets(), a -> a.category().isPersonal());
        out.add(Finding.of(RuleSupport.flowName(f) + " gives personal data (" + RuleSupport.list(personal)
            + ") to third party " + RuleSupport.name(to) + ".", f.id(), to.id()));
      }
    }
    return out;
  }
}
