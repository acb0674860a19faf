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

class HealthDataDisclosureInTransitTest {
  private final HealthDataDisclosureInTransit rule = new HealthDataDisclosureInTransit();

  private static ModelBuilder homeMonitoring() {
    return new ModelBuilder("Home monitoring")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
        .asset("vitals", DataCategory.HEALTH)
        .asset("telemetry", DataCategory.TECHNICAL)
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.processes("vitals"))
        .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.processes("vitals"));
  }

  @Test
  void firesOnAFlowCarryingHealthDataEvenWhenEncrypted() {
    var model = homeMonitoring().flow("upload", "app", "api", f -> f.assets("vitals")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("upload"));
    assertThat(findings.get(0).description()).contains("is encrypted");
  }

  @Test
  void saysWhenTheFlowIsNotEncrypted() {
    var model = homeMonitoring().flow("upload", "app", "api", f -> f.assets("vitals").unprotected().protocol("http")).build();

    assertThat(rule.apply(ModelIndex.of(model)).get(0).description()).contains("NOT encrypted (http)");
  }

  @Test
  void doesNotFireOnTechnicalDataOrInProcessCalls() {
    var model = homeMonitoring()
        .flow("metrics", "app", "api", f -> f.assets("telemetry"))
        .flow("local", "api", "app", f -> f.assets("vitals").protocol("in-process"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
