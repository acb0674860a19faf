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

class HealthDataDisclosureAtRestTest {
  private final HealthDataDisclosureAtRest rule = new HealthDataDisclosureAtRest();

  private static ModelBuilder glucose() {
    return new ModelBuilder("Glucose monitoring")
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("glucose", DataCategory.HEALTH)
        .asset("profile", DataCategory.PERSONAL)
        .asset("logs", DataCategory.TECHNICAL);
  }

  @Test
  void firesOncePerHealthAssetStoredWithTheComponentFirst() {
    var model = glucose()
        .asset("insulin", DataCategory.HEALTH)
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.stores("profile", "insulin", "glucose"))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements)
        .containsExactlyInAnyOrder(List.of("app", "insulin"), List.of("app", "glucose"));
  }

  @Test
  void doesNotFireWhenHealthDataIsOnlyProcessed() {
    var model = glucose()
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("glucose").stores("logs"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
