package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ActorKind;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegeEscalationThroughUserInterfaceTest {
  private final PrivilegeEscalationThroughUserInterface rule = new PrivilegeEscalationThroughUserInterface();

  private static ModelBuilder careTeam() {
    return new ModelBuilder("Care team platform")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("home", TrustLevel.PATIENT_HOME)
        .component("portal", ComponentKind.WEB_PORTAL, "cloud")
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("fleet-api", ComponentKind.API_SERVICE, "cloud")
        .component("ingest", ComponentKind.BACKEND_JOB, "cloud");
  }

  @Test
  void firesOnPortalsAndOnComponentsAdministratorsUse() {
    var model = careTeam().actor("ops", ActorKind.SUPPORT_TECHNICIAN, "fleet-api").build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements)
        .containsExactlyInAnyOrder(List.of("portal"), List.of("fleet-api"));
    assertThat(findings).filteredOn(f -> f.elements().equals(List.of("fleet-api")))
        .singleElement().extracting(Finding::description).asString().contains("'ops'");
  }

  @Test
  void doesNotFireOnThePatientsAppOrBackgroundJobs() {
    var model = new ModelBuilder("Patient app")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("home", TrustLevel.PATIENT_HOME)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("ingest", ComponentKind.BACKEND_JOB, "cloud")
        .actor("patient", ActorKind.PATIENT, "app")
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
