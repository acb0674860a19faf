package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorMeasurementReplayTest {
  private final SensorMeasurementReplay rule = new SensorMeasurementReplay();

  private static ModelBuilder cgm() {
    return new ModelBuilder("CGM")
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("glucose", DataCategory.HEALTH)
        .asset("battery", DataCategory.TECHNICAL)
        .component("sensor", ComponentKind.SENSOR, "home")
        .component("app", ComponentKind.MOBILE_APP, "home");
  }

  @Test
  void firesOnMeasurementsLeavingASensorWithTheSensorSecond() {
    var model = cgm().flow("reading", "sensor", "app", f -> f.assets("glucose").protocol("ble")).build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("reading", "sensor"));
  }

  @Test
  void doesNotFireOnTechnicalDataOrOnHealthDataSentByTheApp() {
    var model = cgm()
        .flow("battery", "sensor", "app", f -> f.assets("battery").protocol("ble"))
        .flow("calibration", "app", "sensor", f -> f.assets("glucose").protocol("ble"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
