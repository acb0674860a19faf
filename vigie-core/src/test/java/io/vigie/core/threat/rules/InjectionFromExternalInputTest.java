package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionFromExternalInputTest {
  private final InjectionFromExternalInput rule = new InjectionFromExternalInput();

  private static ModelBuilder telehealth() {
    return new ModelBuilder("Telehealth")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("console", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("api", ComponentKind.API_SERVICE, "cloud")
        .component("db", ComponentKind.DATABASE, "cloud");
  }

  @Test
  void firesOnAnApiTakingInputFromOtherZonesListingThemInOrder() {
    var model = telehealth()
        .flow("questionnaire", "app", "api")
        .flow("notes", "console", "api")
        .flow("store", "api", "db")
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("api"));
    assertThat(findings.get(0).description()).contains("zone(s) home, hospital");
  }

  @Test
  void doesNotFireOnInputFromTheSameZoneOrOnStores() {
    var model = telehealth().flow("store", "api", "db").flow("reply", "api", "app").build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
