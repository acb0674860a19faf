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

class RepudiableClinicalChangeTest {
  private final RepudiableClinicalChange rule = new RepudiableClinicalChange();

  private static ModelBuilder titration() {
    return new ModelBuilder("Titration service")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .asset("dose-plan", DataCategory.THERAPY)
        .asset("report", DataCategory.HEALTH)
        .component("console", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("titration", ComponentKind.API_SERVICE, "cloud");
  }

  @Test
  void firesOnAComponentReceivingTherapySettings() {
    var model = titration().flow("prescribe", "console", "titration", f -> f.assets("dose-plan")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("titration"));
    assertThat(findings.get(0).description()).contains("1 flow(s)");
  }

  @Test
  void doesNotFireOnAComponentThatOnlyReceivesMeasurements() {
    var model = titration().flow("results", "titration", "console", f -> f.assets("report")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
