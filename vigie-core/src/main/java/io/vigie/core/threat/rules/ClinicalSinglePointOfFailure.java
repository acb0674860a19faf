package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
import io.vigie.core.model.Severity;
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
 * An essential clinical function that stops when one component stops, whatever the cause: an
 * attack, a crash, ransomware. FDA's premarket guidance asks devices to keep essential performance
 * under attack (Appendix 1 G, resiliency) and IEC 60601-1 defines essential performance; AAMI
 * TIR57 treats loss of availability of a clinical function as patient harm.
 */
final class ClinicalSinglePointOfFailure implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "clinical-single-point-of-failure",
      "Essential clinical function stops with one component",
      Stride.DENIAL_OF_SERVICE,
      Optional.empty(),
      List.of(657, 636),
      List.of(607),
      "A component with a clinical function whose failure can cause serious harm, and no component "
          + "declared to take over, is a single point of failure: one successful attack (crash, "
          + "ransomware, resource exhaustion) stops the therapy or monitoring (FDA premarket "
          + "guidance, Appendix 1 G; IEC 60601-1 essential performance).",
      "components with a clinical function of serious or worse harm severity that declare no redundant component",
      List.of(ControlCategory.RESILIENCY_RECOVERY),
      List.of(Capability.REDUNDANCY, Capability.FAIL_SAFE, Capability.BACKUP_RESTORE),
      false,
      Complexity.LOW,
      "Fires when the fallback is manual (a paper procedure, a standalone device); declare a "
          + "control providing fail-safe that names it.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (c.clinicalFunction().isPresent() && c.harmSeverity().atLeast(Severity.SERIOUS) && c.redundantWith().isEmpty()) {
        out.add(Finding.of(RuleSupport.name(c) + " performs '" + c.clinicalFunction().get() + "' ("
            + Names.of(c.harmSeverity()) + " harm if lost) with no redundant component.", c.id()));
      }
    }
    return out;
  }
}
