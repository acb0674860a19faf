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

class UnattendedClinicalSessionTest {
  private final UnattendedClinicalSession rule = new UnattendedClinicalSession();

  private static ModelBuilder ward() {
    return new ModelBuilder("Ward monitoring")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .asset("vitals", DataCategory.HEALTH)
        .asset("uptime", DataCategory.TECHNICAL)
        .component("central", ComponentKind.API_SERVICE, "hospital", c -> c.stores("vitals"))
        .component("nurse-station", ComponentKind.CLINICAL_WORKSTATION, "hospital");
  }

  @Test
  void firesOnAWorkstationThatShowsHealthDataItReceives() {
    var model = ward().flow("display", "central", "nurse-station", f -> f.assets("vitals")).build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("nurse-station"));
  }

  @Test
  void doesNotFireOnAWorkstationShowingOnlyTechnicalDataOrOnServices() {
    var model = ward().flow("status", "central", "nurse-station", f -> f.assets("uptime")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
