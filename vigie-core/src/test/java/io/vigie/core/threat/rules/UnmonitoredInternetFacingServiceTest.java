package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnmonitoredInternetFacingServiceTest {
  private final UnmonitoredInternetFacingService rule = new UnmonitoredInternetFacingService();

  private static ModelBuilder platform() {
    return new ModelBuilder("Remote monitoring platform")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("vendor", TrustLevel.THIRD_PARTY)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("api", ComponentKind.API_SERVICE, "cloud")
        .component("db", ComponentKind.DATABASE, "cloud")
        .component("push", ComponentKind.THIRD_PARTY_SERVICE, "vendor");
  }

  @Test
  void firesOnTheMakersInternetFacingApiOnly() {
    var model = platform()
        .flow("sync", "app", "api")
        .flow("store", "api", "db")
        .flow("notify", "api", "push")
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("api"));
  }

  @Test
  void doesNotFireOnServicesReachableOnlyInsideTheCloud() {
    var model = platform().flow("store", "api", "db").build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
