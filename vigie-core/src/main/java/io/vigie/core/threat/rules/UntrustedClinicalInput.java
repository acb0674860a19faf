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
import java.util.List;
import java.util.Optional;

/**
 * A clinical function that decides on health data from a system the maker does not control: a
 * hospital's EHR over FHIR or HL7, a lab system, a partner's API. A tampered or compromised source
 * misleads the algorithm as surely as a tampered device. FDA Appendix 1 category D; IEC 80001-1
 * for the responsibilities shared with the hospital.
 */
final class UntrustedClinicalInput implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "untrusted-clinical-input",
      "Clinical decision based on tampered data from an external record system",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(345, 20),
      List.of(148),
      "A clinical function that computes a dose, a score or an alert from records sent by a "
          + "hospital or third-party system inherits that system's compromise; implausible or altered "
          + "values must be detected before they drive care (FDA premarket guidance, Appendix 1 D).",
      "flows carrying health or therapy data into a component with a clinical function from a third-party service or over FHIR/HL7",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY),
      List.of(Capability.DATA_INTEGRITY_CHECK, Capability.INPUT_VALIDATION),
      false,
      Complexity.HIGH,
      "Fires on FHIR flows between the maker's own services; use a protocol name without 'fhir' or "
          + "accept the risk with that rationale.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component from = model.component(f.from());
      Component to = model.component(f.to());
      boolean external = from.kind() == ComponentKind.THIRD_PARTY_SERVICE || RuleSupport.protocolMentions(f, "fhir", "hl7");
      if (external && to.clinicalFunction().isPresent() && model.carriesAny(f, RuleSupport.CLINICAL)) {
        out.add(Finding.of(RuleSupport.flowName(f) + " feeds records from " + RuleSupport.name(from) + " over "
            + f.protocol() + " into '" + to.clinicalFunction().get() + "'.", f.id(), to.id()));
      }
    }
    return out;
  }
}
