package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedClinicalInputTest {
  private final UntrustedClinicalInput rule = new UntrustedClinicalInput();

  private static ModelBuilder sepsisScore() {
    return new ModelBuilder("Sepsis early warning")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("labs", DataCategory.HEALTH)
        .component("ehr", ComponentKind.OTHER, "hospital")
        .component("scoring", ComponentKind.API_SERVICE, "cloud",
            c -> c.clinicalFunction("computes the sepsis risk score", Severity.CRITICAL))
        .component("archive", ComponentKind.DATABASE, "cloud");
  }

  @Test
  void firesOnFhirRecordsFeedingAClinicalAlgorithm() {
    var model = sepsisScore().flow("observations", "ehr", "scoring", f -> f.assets("labs").protocol("fhir/https")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("observations", "scoring"));
    assertThat(findings.get(0).description()).contains("computes the sepsis risk score");
  }

  @Test
  void doesNotFireWhenRecordsOnlyGoToAnArchive() {
    var model = sepsisScore().flow("copy", "ehr", "archive", f -> f.assets("labs").protocol("fhir/https")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
