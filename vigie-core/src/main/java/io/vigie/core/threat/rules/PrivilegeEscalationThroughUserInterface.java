package io.vigie.core.threat.rules;

import io.vigie.core.model.Actor;
import io.vigie.core.model.ActorKind;
import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
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
import java.util.Map;
import java.util.Optional;

/**
 * A user with a low-privilege account reaches functions or records meant for others: the patient
 * who reads another patient's record, the caregiver who changes a clinician's setting. Broken
 * access control is first in the OWASP Top 10 (2021); FDA Appendix 1 category B.
 */
final class PrivilegeEscalationThroughUserInterface implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "privilege-escalation-through-user-interface",
      "User gains privileges beyond their role",
      Stride.ELEVATION_OF_PRIVILEGE,
      Optional.empty(),
      List.of(269, 285, 639),
      List.of(233, 122, 58),
      "Components people log into serve several roles (patient, caregiver, clinician, administrator); "
          + "a missing or client-side authorisation check lets an authenticated user act as a more "
          + "privileged role or on another patient's records (FDA premarket guidance, Appendix 1 B).",
      "web portals, web apps and clinical workstations, and any component an administrator or support technician uses",
      List.of(ControlCategory.AUTHORIZATION),
      List.of(Capability.ACCESS_CONTROL, Capability.LEAST_PRIVILEGE),
      true,
      Complexity.LOW,
      "Fires on single-role components; if every user really has the same rights, accept the risk with that rationale.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    Map<String, String> adminUse = new HashMap<>();
    for (Actor a : model.model().actors()) {
      if (a.kind() == ActorKind.ADMINISTRATOR || a.kind() == ActorKind.SUPPORT_TECHNICIAN) {
        a.uses().forEach(id -> adminUse.putIfAbsent(id, a.name()));
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      String admin = adminUse.get(c.id());
      if (admin != null) {
        out.add(Finding.of(RuleSupport.name(c) + " is used with administrative rights by '" + admin
            + "' and by less privileged users or services.", c.id()));
      } else if (c.kind().hasUserInterface() && c.kind() != ComponentKind.MOBILE_APP) {
        out.add(Finding.of(RuleSupport.name(c) + " has a user interface shared by users of different roles.", c.id()));
      }
    }
    return out;
  }
}
