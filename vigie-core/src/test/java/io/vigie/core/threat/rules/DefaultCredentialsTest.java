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

class DefaultCredentialsTest {
  private final DefaultCredentials rule = new DefaultCredentials();

  @Test
  void firesOnDefaultAndSharedLogins() {
    var model = new ModelBuilder("Dialysis unit")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .component("service-menu", ComponentKind.EMBEDDED_DEVICE, "hospital", c -> c.credentials(Credentials.DEFAULT))
        .component("ward-pc", ComponentKind.CLINICAL_WORKSTATION, "hospital", c -> c.credentials(Credentials.SHARED))
        .component("portal", ComponentKind.WEB_PORTAL, "hospital")
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements)
        .containsExactlyInAnyOrder(List.of("service-menu"), List.of("ward-pc"));
    assertThat(findings).extracting(Finding::description).anyMatch(d -> d.contains("shared credentials"));
  }

  @Test
  void doesNotFireOnUniqueOrHardcodedCredentials() {
    var model = new ModelBuilder("Dialysis unit")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .component("portal", ComponentKind.WEB_PORTAL, "hospital", c -> c.credentials(Credentials.UNIQUE))
        .component("controller", ComponentKind.EMBEDDED_DEVICE, "hospital", c -> c.credentials(Credentials.HARDCODED))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
