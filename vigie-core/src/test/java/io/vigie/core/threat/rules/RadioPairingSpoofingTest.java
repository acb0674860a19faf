package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadioPairingSpoofingTest {
  private final RadioPairingSpoofing rule = new RadioPairingSpoofing();

  private static ModelBuilder oximeter() {
    return new ModelBuilder("Pulse oximeter")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("spo2", DataCategory.HEALTH)
        .component("oximeter", ComponentKind.SENSOR, "home")
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("api", ComponentKind.API_SERVICE, "cloud");
  }

  @Test
  void firesOnABleLinkWithTheFieldDeviceSecondWhicheverWayTheDataGoes() {
    var model = oximeter()
        .flow("reading", "oximeter", "app", f -> f.assets("spo2").protocol("ble").authentication(Authentication.NONE))
        .flow("config", "app", "oximeter", f -> f.protocol("ble").authentication(Authentication.BLE_BONDING))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements)
        .containsExactlyInAnyOrder(List.of("reading", "oximeter"), List.of("config", "oximeter"));
    assertThat(findings).extracting(Finding::description)
        .anyMatch(d -> d.contains("NOT authenticated"))
        .anyMatch(d -> d.contains("authenticated bonding"));
  }

  @Test
  void doesNotFireOnIpFlows() {
    var model = oximeter().flow("sync", "app", "api", f -> f.assets("spo2")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
