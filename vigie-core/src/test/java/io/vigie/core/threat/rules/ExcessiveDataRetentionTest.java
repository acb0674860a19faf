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

class ExcessiveDataRetentionTest {
  private final ExcessiveDataRetention rule = new ExcessiveDataRetention();

  private static ModelBuilder registry() {
    return new ModelBuilder("Implant registry")
        .zone("cloud", TrustLevel.CERTIFIED_HOSTING)
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("implant-record", DataCategory.HEALTH)
        .asset("address", DataCategory.PERSONAL)
        .asset("metrics", DataCategory.TECHNICAL);
  }

  @Test
  void firesOnAServerSideStoreOfPersonalData() {
    var model = registry().component("registry-db", ComponentKind.DATABASE, "cloud", c -> c.stores("implant-record", "address", "metrics")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("registry-db"));
    assertThat(findings.get(0).description()).contains("(address, implant-record)");
  }

  @Test
  void doesNotFireOnThePatientsOwnAppOrOnTechnicalStores() {
    var model = registry()
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.stores("implant-record"))
        .component("metrics-db", ComponentKind.DATABASE, "cloud", c -> c.stores("metrics"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
