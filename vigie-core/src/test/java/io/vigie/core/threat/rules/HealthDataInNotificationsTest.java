package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthDataInNotificationsTest {
  private final HealthDataInNotifications rule = new HealthDataInNotifications();

  private static ModelBuilder reminders() {
    return new ModelBuilder("Medication reminders")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("telco", TrustLevel.THIRD_PARTY)
        .asset("prescription", DataCategory.HEALTH)
        .asset("phone", DataCategory.PERSONAL)
        .component("scheduler", ComponentKind.BACKEND_JOB, "cloud")
        .component("sms-gateway", ComponentKind.THIRD_PARTY_SERVICE, "telco");
  }

  @Test
  void firesOnAnSmsNamingTheMedication() {
    var model = reminders().flow("remind", "scheduler", "sms-gateway", f -> f.protocol("sms").assets("prescription", "phone")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("remind"));
    assertThat(findings.get(0).description()).contains("over sms");
  }

  @Test
  void doesNotFireOnNotificationsWithoutHealthData() {
    var model = reminders()
        .flow("remind", "scheduler", "sms-gateway", f -> f.kind(FlowKind.NOTIFICATION).assets("phone"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
