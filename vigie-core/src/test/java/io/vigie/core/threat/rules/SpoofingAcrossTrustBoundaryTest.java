package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoofingAcrossTrustBoundaryTest {
  private final SpoofingAcrossTrustBoundary rule = new SpoofingAcrossTrustBoundary();

  private static ModelBuilder remoteMonitoring() {
    return new ModelBuilder("Remote monitoring")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("vitals", DataCategory.HEALTH)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("api", ComponentKind.API_SERVICE, "cloud")
        .component("db", ComponentKind.DATABASE, "cloud", c -> c.stores("vitals"));
  }

  @Test
  void firesOnAFlowEnteringAnotherZoneNamingTheReceiver() {
    var model = remoteMonitoring()
        .flow("upload", "app", "api", f -> f.assets("vitals").authentication(Authentication.NONE))
        .flow("persist", "api", "db", f -> f.assets("vitals"))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("upload", "api"));
    assertThat(findings.get(0).description()).contains("NOT authenticated");
  }

  @Test
  void doesNotFireInsideOneZoneOrOnCommandsToAClinicalFunction() {
    var model = remoteMonitoring()
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "home", c -> c.clinicalFunction("infuses insulin", Severity.CRITICAL))
        .flow("persist", "api", "db", f -> f.assets("vitals"))
        .flow("bolus", "api", "pump", f -> f.kind(FlowKind.COMMAND))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
