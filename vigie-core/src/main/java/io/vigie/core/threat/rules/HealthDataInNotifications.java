package io.vigie.core.threat.rules;

import io.vigie.core.model.Capability;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataFlow;
import io.vigie.core.model.FlowKind;
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
 * Health data written into an SMS, e-mail or push notification: shown on a locked screen, kept by
 * carriers and mail providers, read by whoever shares the phone. GDPR art. 5(1)(c) (minimisation)
 * and HIPAA guidance on unencrypted messaging; the LINDDUN data disclosure threat.
 */
final class HealthDataInNotifications implements ThreatRule {
  private static final RuleInfo INFO = new RuleInfo(
      "health-data-in-notifications",
      "Health data disclosed through notifications",
      Stride.INFORMATION_DISCLOSURE,
      Optional.of(Linddun.DATA_DISCLOSURE),
      List.of(359, 201),
      List.of(),
      "Notifications leave the maker's protection: SMS and e-mail are stored by carriers and "
          + "providers and shown on lock screens, so health data in their text is read by people "
          + "near the patient and by those providers (GDPR art. 5(1)(c)).",
      "notification flows that carry health data",
      List.of(ControlCategory.CONFIDENTIALITY),
      List.of(Capability.DATA_MINIMISATION, Capability.PSEUDONYMISATION),
      false,
      Complexity.LOW,
      "Fires when the notification only says that a message is waiting; then do not declare the health asset on it.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> apply(ModelIndex model, RuleScope scope) {
    List<Finding> out = new ArrayList<>();
    for (DataFlow f : scope.flows(model)) {
      boolean notification = f.kind() == FlowKind.NOTIFICATION || RuleSupport.protocolMentions(f, "sms", "smtp", "e-mail", "email");
      if (notification && model.carriesAny(f, RuleSupport.HEALTH)) {
        out.add(Finding.of(RuleSupport.flowName(f) + " puts health data into a notification over " + f.protocol() + ".", f.id()));
      }
    }
    return out;
  }
}
