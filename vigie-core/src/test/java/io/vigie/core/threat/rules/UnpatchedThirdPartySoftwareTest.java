package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnpatchedThirdPartySoftwareTest {
  private final UnpatchedThirdPartySoftware rule = new UnpatchedThirdPartySoftware();

  private static ModelBuilder homeHub() {
    return new ModelBuilder("Home hub")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("device", TrustLevel.DEVICE_INTERNAL)
        .component("hub", ComponentKind.GATEWAY, "home", c -> c.technologies("linux 5.10", "openssl 3.0").sbom("sbom/hub.cdx.json"))
        .component("mcu", ComponentKind.EMBEDDED_DEVICE, "device", c -> c.technologies("freertos 10"));
  }

  @Test
  void firesOnANetworkReachableGatewayBuiltOnThirdPartySoftware() {
    var model = homeHub().component("app", ComponentKind.MOBILE_APP, "home", c -> c.technologies("react-native")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactlyInAnyOrder(List.of("hub"), List.of("app"));
    assertThat(findings).extracting(Finding::description).anyMatch(d -> d.contains("NO SBOM declared"));
  }

  @Test
  void doesNotFireOnDeviceInternalComponentsOrComponentsWithoutDeclaredSoftware() {
    var model = homeHub().component("portal", ComponentKind.WEB_PORTAL, "home").build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("hub"));
  }
}
