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

class ExtractableClientSecretTest {
  private final ExtractableClientSecret rule = new ExtractableClientSecret();

  private static ModelBuilder companionApp() {
    return new ModelBuilder("Companion app")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("refresh-token", DataCategory.CREDENTIALS)
        .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.stores("refresh-token"));
  }

  @Test
  void firesOnAnAppStoringTokensAndOnAGatewayUsingAFleetApiKey() {
    var model = companionApp()
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.stores("refresh-token"))
        .component("hub", ComponentKind.GATEWAY, "home")
        .flow("hub-upload", "hub", "api", f -> f.authentication(Authentication.API_KEY))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactlyInAnyOrder(List.of("app"), List.of("hub"));
    assertThat(findings).extracting(Finding::description).anyMatch(d -> d.contains("hub-upload with a secret shared by every copy"));
  }

  @Test
  void doesNotFireOnServersOrOnAppsAuthenticatingWithPerUserTokensTheyDoNotStore() {
    var model = companionApp()
        .component("app", ComponentKind.MOBILE_APP, "home")
        .flow("sync", "app", "api", f -> f.authentication(Authentication.TOKEN))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
