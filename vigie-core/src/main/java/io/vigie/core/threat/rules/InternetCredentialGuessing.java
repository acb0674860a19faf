package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.Component;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
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
 * Passwords guessed or stuffed at a login anyone on the internet can reach: the most common way
 * into patient portals. FDA Appendix 1 category A asks for limits on authentication attempts and
 * multi-factor authentication for remote access; NIST SP 800-63B §5.2.2 for rate limiting.
 */
final class InternetCredentialGuessing implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "internet-credential-guessing",
      "Credentials guessed or stuffed at an internet-facing login",
      Stride.SPOOFING,
      Optional.empty(),
      List.of(307, 308),
      List.of(49, 16, 600),
      "A login reachable from the internet is tried with leaked and common passwords by automated "
          + "tools; without limits on attempts or a second factor, some patient and clinician "
          + "accounts fall (NIST SP 800-63B §5.2.2; FDA premarket guidance, Appendix 1 A).",
      "authentication flows into internet-facing components, and internet-facing web portals and apps with a login",
      List.of(ControlCategory.AUTHENTICATION),
      List.of(Capability.RATE_LIMITING, Capability.ACCOUNT_LOCKOUT, Capability.MULTI_FACTOR_AUTHENTICATION),
      false,
      Complexity.LOW,
      "Fires on logins delegated to an identity provider that the model does not show; model the "
          + "identity provider and its authentication flow instead.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (Component c : scope.components(model)) {
      if (c.kind() == ComponentKind.MOBILE_APP || !RuleSupport.isInternetFacing(model, c)) {
        continue;
      }
      boolean login = false;
      for (DataFlow f : model.flowsTo(c.id())) {
        if (f.kind() == FlowKind.AUTHENTICATION) {
          login = true;
          out.add(Finding.of(RuleSupport.flowName(f) + " is a login to internet-facing " + RuleSupport.name(c)
              + ", " + RuleSupport.authentication(f) + ".", f.id(), c.id()));
        }
      }
      if (!login && c.kind().hasUserInterface() && c.credentials() != Credentials.NONE) {
        out.add(Finding.of(RuleSupport.name(c) + " has a login reachable from the internet.", c.id()));
      }
    }
    return out;
  }
}
