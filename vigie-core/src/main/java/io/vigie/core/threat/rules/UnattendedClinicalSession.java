package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A session left open on a shared screen: the nurse station, the ward PC, a browser in a
 * consultation room. The next person acts under the clinician's identity. HIPAA
 * §164.312(a)(2)(iii) names automatic logoff; IEC 80001-2-2 (ALOF) and the MDS2 form ask for it.
 */
final class UnattendedClinicalSession implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "unattended-clinical-session",
      "Open session on an unattended clinical screen used by someone else",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(613),
      List.of(),
      "Clinical workstations and web portals are used on shared screens in busy wards; a session "
          + "that stays open lets the next person read records or change settings under the "
          + "clinician's identity (IEC 80001-2-2 ALOF, MDS2 'automatic logoff').",
      "clinical workstations, web portals and web apps that handle health, therapy or personal data",
      List.of(ControlCategory.AUTHENTICATION),
      List.of(Capability.SESSION_TIMEOUT),
      false,
      Complexity.HIGH,
      "Fires on portals used only on personal devices; accept the risk with that rationale.");

  private static final Set<DataCategory> SENSITIVE = EnumSet.of(DataCategory.HEALTH, DataCategory.THERAPY, DataCategory.PERSONAL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (c.kind().hasUserInterface() && c.kind() != ComponentKind.MOBILE_APP && handlesSensitive(model, c)) {
        out.add(Finding.of(RuleSupport.name(c) + " shows or changes patient data in sessions that may be left unattended.", c.id()));
      }
    }
    return out;
  }

  /** Handled directly or through the flows it exchanges: a portal rarely stores what it shows. */
  private static boolean handlesSensitive(ModelIndex model, Component c) {
    if (model.handlesAny(c, SENSITIVE)) {
      return true;
    }
    for (DataFlow f : model.flowsTo(c.id())) {
      if (model.carriesAny(f, SENSITIVE)) {
        return true;
      }
    }
    for (DataFlow f : model.flowsFrom(c.id())) {
      if (model.carriesAny(f, SENSITIVE)) {
        return true;
      }
    }
    return false;
  }
}
