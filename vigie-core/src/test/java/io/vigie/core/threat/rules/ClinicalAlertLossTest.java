package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalAlertLossTest {
  private final ClinicalAlertLoss rule = new ClinicalAlertLoss();

  private static ModelBuilder cardiacMonitor() {
    return new ModelBuilder("Implantable cardiac monitor")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .component("transmitter", ComponentKind.GATEWAY, "home")
        .component("triage", ComponentKind.API_SERVICE, "cloud");
  }

  @Test
  void firesOnEveryAlertFlowNamingItsTransport() {
    var model = cardiacMonitor().flow("af-alert", "transmitter", "triage", f -> f.kind(FlowKind.ALERT).protocol("mqtt")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("af-alert"));
    assertThat(findings.get(0).description()).contains("ip (mqtt)");
  }

  @Test
  void doesNotFireOnNotificationsOrData() {
    var model = cardiacMonitor()
        .flow("daily", "transmitter", "triage")
        .flow("reminder", "triage", "transmitter", f -> f.kind(FlowKind.NOTIFICATION))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
