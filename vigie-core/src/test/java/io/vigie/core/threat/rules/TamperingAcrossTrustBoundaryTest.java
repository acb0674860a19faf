package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataAsset;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Need;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TamperingAcrossTrustBoundaryTest {
  private final TamperingAcrossTrustBoundary rule = new TamperingAcrossTrustBoundary();

  private static ModelBuilder clinicPortal() {
    return new ModelBuilder("Clinic portal")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("contact", DataCategory.PERSONAL)
        .asset("vitals", DataCategory.HEALTH)
        .asset(new DataAsset("logo", "logo", DataCategory.PUBLIC, Need.NONE, Need.LOW, Need.LOW,
            Optional.empty(), Optional.empty(), "brand images"))
        .component("browser", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("portal", ComponentKind.WEB_PORTAL, "cloud");
  }

  @Test
  void firesOnPersonalDataCrossingABoundaryWithoutIntegrity() {
    var model = clinicPortal()
        .flow("edit-contact", "browser", "portal", f -> f.assets("contact").unprotected().protocol("http"))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("edit-contact"));
    assertThat(findings.get(0).description()).contains("contact").contains("NOT integrity-protected");
  }

  @Test
  void doesNotFireOnClinicalDataLowIntegrityDataOrAlertsWhichOtherRulesCover() {
    var model = clinicPortal()
        .flow("vitals", "portal", "browser", f -> f.assets("vitals"))
        .flow("branding", "portal", "browser", f -> f.assets("logo"))
        .flow("alarm", "portal", "browser", f -> f.kind(FlowKind.ALERT).assets("contact"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
