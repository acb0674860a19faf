package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalDataTamperingInTransitTest {
  private final ClinicalDataTamperingInTransit rule = new ClinicalDataTamperingInTransit();

  private static ModelBuilder cgm() {
    return new ModelBuilder("Continuous glucose monitoring")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("glucose", DataCategory.HEALTH)
        .asset("battery", DataCategory.TECHNICAL)
        .component("sensor", ComponentKind.SENSOR, "home")
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("cloud-api", ComponentKind.API_SERVICE, "cloud");
  }

  @Test
  void firesOnGlucoseReadingsAndOnAlertsSayingHowTheyAreProtected() {
    var model = cgm()
        .flow("reading", "sensor", "app", f -> f.assets("glucose").protocol("ble").integrity(Integrity.NONE))
        .flow("hypo-alert", "cloud-api", "app", f -> f.kind(FlowKind.ALERT).integrity(Integrity.SIGNATURE))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactlyInAnyOrder(List.of("reading"), List.of("hypo-alert"));
    assertThat(findings).extracting(Finding::description)
        .anyMatch(d -> d.contains("NOT integrity-protected"))
        .anyMatch(d -> d.contains("end to end (signature)"));
  }

  @Test
  void doesNotFireOnTechnicalDataOrInProcessCalls() {
    var model = cgm()
        .flow("battery", "sensor", "app", f -> f.assets("battery").protocol("ble"))
        .flow("local", "app", "sensor", f -> f.assets("glucose").protocol("in-process"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
