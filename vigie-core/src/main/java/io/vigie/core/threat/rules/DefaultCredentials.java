package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Names;
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
 * A login shipped with a factory default, or one account shared by a team: the first thing an
 * attacker tries, and a frequent finding of ICS-CERT medical advisories. FDA Appendix 1 category A
 * asks for credentials unique per device and user; California SB-327 and the UK PSTI Act forbid
 * universal default passwords outright.
 */
final class DefaultCredentials implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "default-credentials",
      "Login with default or shared credentials",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(1392, 1391, 521),
      List.of(70, 560),
      "Default credentials are published in manuals and scanned for; shared ones leak with every "
          + "person who leaves and make every action unattributable. Either lets an attacker log in "
          + "as a legitimate user (FDA premarket guidance, Appendix 1 A).",
      "components whose credentials are declared default or shared",
      List.of(ControlCategory.AUTHENTICATION),
      List.of(Capability.UNIQUE_CREDENTIALS, Capability.MULTI_FACTOR_AUTHENTICATION),
      false,
      Complexity.LOW,
      "Fires on a default that the first login forces to change; declare a control providing "
          + "unique-credentials for that change.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (c.credentials() == Credentials.DEFAULT || c.credentials() == Credentials.SHARED) {
        out.add(Finding.of(RuleSupport.name(c) + " has " + Names.of(c.credentials()) + " credentials.", c.id()));
      }
    }
    return out;
  }
}
