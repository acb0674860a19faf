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

class WrongPatientAssociationTest {
  private final WrongPatientAssociation rule = new WrongPatientAssociation();

  private static ModelBuilder bloodPressure() {
    return new ModelBuilder("Blood pressure telemonitoring")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
        .asset("bp", DataCategory.HEALTH)
        .asset("battery", DataCategory.TECHNICAL)
        .component("cuff", ComponentKind.SENSOR, "home")
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("bp"))
        .component("records", ComponentKind.API_SERVICE, "cloud", c -> c.stores("bp", "battery"));
  }

  @Test
  void firesWhereHealthDataIsFiledWithTheReceiverSecond() {
    var model = bloodPressure()
        .flow("measure", "cuff", "app", f -> f.assets("bp").protocol("ble"))
        .flow("sync", "app", "records", f -> f.assets("bp"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("sync", "records"));
  }

  @Test
  void doesNotFireOnTechnicalDataOrHealthDataOnlyPassedOn() {
    var model = bloodPressure()
        .flow("measure", "cuff", "app", f -> f.assets("bp").protocol("ble"))
        .flow("battery", "app", "records", f -> f.assets("battery"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
