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

class UntracedHealthDataAccessTest {
  private final UntracedHealthDataAccess rule = new UntracedHealthDataAccess();

  private static ModelBuilder platform() {
    return new ModelBuilder("Telemonitoring platform")
        .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("ecg", DataCategory.HEALTH)
        .asset("metrics", DataCategory.TECHNICAL)
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.stores("ecg"));
  }

  @Test
  void firesOnAServerSideStoreOfHealthData() {
    var model = platform().component("records", ComponentKind.DATABASE, "cloud", c -> c.stores("ecg", "metrics")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("records"));
    assertThat(findings.get(0).description()).contains("(ecg)");
  }

  @Test
  void doesNotFireOnThePatientsOwnPhoneOrOnTechnicalStores() {
    var model = platform().component("monitoring", ComponentKind.DATABASE, "cloud", c -> c.stores("metrics")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
