package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Credentials;
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
 * A password or key fixed in code or firmware: found by anyone who extracts the binary, valid on
 * every unit, and not changeable without an update. Among the most cited weaknesses in medical
 * device advisories (CISA ICSMA); FDA Appendix 1 category A forbids hard-coded credentials.
 */
final class HardcodedCredentials implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "hardcoded-credentials",
      "Hard-coded credentials extracted and reused on every unit",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(798, 259, 321),
      List.of(191, 37),
      "A secret fixed in the code of a component is the same on every unit; once read from one "
          + "binary or firmware image it opens them all, and it cannot be revoked without a software "
          + "update (FDA premarket guidance, Appendix 1 A).",
      "components whose credentials are declared hard-coded",
      List.of(ControlCategory.AUTHENTICATION, ControlCategory.CRYPTOGRAPHY),
      List.of(Capability.UNIQUE_CREDENTIALS, Capability.SECRETS_MANAGEMENT),
      false,
      Complexity.LOW,
      "None known: a hard-coded secret that protects nothing should be removed from the model and the code.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (c.credentials() == Credentials.HARDCODED) {
        out.add(Finding.of(RuleSupport.name(c) + " has credentials hard-coded in its software.", c.id()));
      }
    }
    return out;
  }
}
