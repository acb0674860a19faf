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
 * Measurements filed under the wrong patient: a swapped device, a mistyped ID, a request naming
 * another patient's record. The Joint Commission's first National Patient Safety Goal is correct
 * patient identification; a security flaw that lets a sender choose the patient (CWE-639) has the
 * same clinical effect, a decision taken on another person's data.
 */
final class WrongPatientAssociation implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "wrong-patient-association",
      "Health data attached to the wrong patient",
      Stride.TAMPERING,
      Optional.empty(),
      List.of(639, 345),
      List.of(),
      "A component that files the health data it receives trusts the patient identity the sender "
          + "states; a forged or mistaken identity puts one patient's measurements in another's "
          + "record, and a clinician decides on them (Joint Commission NPSG.01.01.01).",
      "flows carrying health data into a component that stores that data",
      List.of(ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, ControlCategory.AUTHORIZATION),
      List.of(Capability.PATIENT_IDENTITY_VERIFICATION, Capability.ACCESS_CONTROL),
      true,
      Complexity.LOW,
      "Fires on single-patient devices that store their own measurements; accept the risk with that rationale.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      Component to = model.component(f.to());
      List<String> filed = RuleSupport.matching(model, f.assets(),
          a -> a.category() == DataCategory.HEALTH && to.stores().contains(a.id()));
      if (!filed.isEmpty()) {
        out.add(Finding.of(RuleSupport.flowName(f) + " delivers health data (" + RuleSupport.list(filed)
            + ") that " + RuleSupport.name(to) + " files under the patient the sender names.", f.id(), to.id()));
      }
    }
    return out;
  }
}
