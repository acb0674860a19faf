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

class ThirdPartyIdentifiabilityTest {
  private final ThirdPartyIdentifiability rule = new ThirdPartyIdentifiability();

  private static ModelBuilder fertilityApp() {
    return new ModelBuilder("Fertility tracker")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("vendor", TrustLevel.THIRD_PARTY)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("cycle", DataCategory.HEALTH)
        .asset("email", DataCategory.PERSONAL)
        .asset("crashes", DataCategory.TECHNICAL)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("analytics", ComponentKind.THIRD_PARTY_SERVICE, "vendor")
        .component("api", ComponentKind.API_SERVICE, "cloud");
  }

  @Test
  void firesOnHealthDataSentToAnAnalyticsVendorWithTheVendorSecond() {
    var model = fertilityApp().flow("events", "app", "analytics", f -> f.assets("cycle", "email", "crashes")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("events", "analytics"));
    assertThat(findings.get(0).description()).contains("(cycle, email)");
  }

  @Test
  void doesNotFireOnTechnicalDataToVendorsOrPersonalDataToTheMakersCloud() {
    var model = fertilityApp()
        .flow("crash-report", "app", "analytics", f -> f.assets("crashes"))
        .flow("sync", "app", "api", f -> f.assets("cycle"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
