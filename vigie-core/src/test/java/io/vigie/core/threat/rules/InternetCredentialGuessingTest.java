package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternetCredentialGuessingTest {
  private final InternetCredentialGuessing rule = new InternetCredentialGuessing();

  private static ModelBuilder patientPortal() {
    return new ModelBuilder("Patient portal")
        .zone("internet", TrustLevel.INTERNET)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .component("browser", ComponentKind.OTHER, "internet")
        .component("idp", ComponentKind.IDENTITY_PROVIDER, "cloud")
        .component("portal", ComponentKind.WEB_PORTAL, "cloud");
  }

  @Test
  void firesOnAnInternetLoginFlowWithTheTargetSecond() {
    var model = patientPortal()
        .flow("login", "browser", "idp", f -> f.kind(FlowKind.AUTHENTICATION).authentication(Authentication.PASSWORD))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("login", "idp"));
    assertThat(findings.get(0).description()).contains("password, a weak method");
  }

  @Test
  void firesOnAnInternetFacingPortalWithALoginButNoModelledAuthenticationFlow() {
    var model = patientPortal().flow("pages", "browser", "portal").build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("portal"));
  }

  @Test
  void doesNotFireOnLoginsReachableOnlyFromTheHospitalNetwork() {
    var model = new ModelBuilder("On-premise console")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .component("console", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("server", ComponentKind.WEB_APP, "hospital")
        .flow("login", "console", "server", f -> f.kind(FlowKind.AUTHENTICATION))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
