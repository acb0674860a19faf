package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.Credentials;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardcodedCredentialsTest {
  private final HardcodedCredentials rule = new HardcodedCredentials();

  @Test
  void firesOnCredentialsFixedInFirmware() {
    var model = new ModelBuilder("Ventilator")
        .zone("device", TrustLevel.DEVICE_INTERNAL)
        .component("controller", ComponentKind.EMBEDDED_DEVICE, "device", c -> c.credentials(Credentials.HARDCODED))
        .component("display", ComponentKind.CLINICAL_WORKSTATION, "device")
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("controller"));
  }

  @Test
  void doesNotFireOnDefaultCredentialsWhichCanBeChanged() {
    var model = new ModelBuilder("Ventilator")
        .zone("device", TrustLevel.DEVICE_INTERNAL)
        .component("controller", ComponentKind.EMBEDDED_DEVICE, "device", c -> c.credentials(Credentials.DEFAULT))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
