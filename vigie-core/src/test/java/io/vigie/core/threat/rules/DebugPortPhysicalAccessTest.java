package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugPortPhysicalAccessTest {
  private final DebugPortPhysicalAccess rule = new DebugPortPhysicalAccess();

  private static ModelBuilder insulinPump() {
    return new ModelBuilder("Insulin pump")
        .zone("body", TrustLevel.DEVICE_INTERNAL)
        .zone("clinic", TrustLevel.HOSPITAL_NETWORK)
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "body",
            c -> c.clinicalFunction("delivers insulin", Severity.CATASTROPHIC))
        .component("service-tool", ComponentKind.CLINICAL_WORKSTATION, "clinic");
  }

  @Test
  void firesOnAFieldDeviceEnteringThroughItsWiredServiceLink() {
    var model = insulinPump()
        .flow("uart-log", "pump", "service-tool", f -> f.protocol("uart"))
        .flow("usb-service", "service-tool", "pump", f -> f.protocol("usb"))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("uart-log", "pump"));
  }

  @Test
  void firesOnTheDeviceAloneWhenNoWiredLinkIsModelled() {
    assertThat(rule.apply(ModelIndex.of(insulinPump().build()))).extracting(Finding::elements).containsExactly(List.of("pump"));
  }

  @Test
  void doesNotFireOnServersOrWorkstations() {
    var model = new ModelBuilder("Portal")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .component("api", ComponentKind.API_SERVICE, "cloud")
        .component("portal", ComponentKind.WEB_PORTAL, "cloud")
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
