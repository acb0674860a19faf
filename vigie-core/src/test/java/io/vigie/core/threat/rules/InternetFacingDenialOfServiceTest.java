package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternetFacingDenialOfServiceTest {
  private final InternetFacingDenialOfService rule = new InternetFacingDenialOfService();

  private static ModelBuilder alerting() {
    return new ModelBuilder("Cardiac alerting")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .component("app", ComponentKind.MOBILE_APP, "home")
        .component("alerts", ComponentKind.API_SERVICE, "cloud",
            c -> c.clinicalFunction("relays arrhythmia alerts", Severity.SERIOUS))
        .component("console", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("pacs", ComponentKind.DATABASE, "hospital");
  }

  @Test
  void firesOnAServiceThatReceivesFlowsFromTheInternet() {
    var model = alerting()
        .flow("upload", "app", "alerts")
        .flow("push", "alerts", "app")
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("alerts"));
    assertThat(findings.get(0).description()).contains("relays arrhythmia alerts");
  }

  @Test
  void doesNotFireOnHospitalInternalServicesOrTheMobileApp() {
    var model = alerting()
        .flow("archive", "console", "pacs")
        .flow("push", "alerts", "app")
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
