package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.model.TrustZone;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UncertifiedHealthDataHostingTest {
  private final UncertifiedHealthDataHosting rule = new UncertifiedHealthDataHosting();

  private static ModelBuilder sleepApnea() {
    return new ModelBuilder("Sleep apnea follow-up")
        .zone("saas", TrustLevel.THIRD_PARTY)
        .zone(new TrustZone("hds", "HDS cloud", TrustLevel.CERTIFIED_HOSTING, true, List.of("HDS"), ""))
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("ahi", DataCategory.HEALTH)
        .asset("tickets", DataCategory.TECHNICAL)
        .component("records", ComponentKind.DATABASE, "hds", c -> c.stores("ahi"))
        .component("cpap", ComponentKind.EMBEDDED_DEVICE, "home", c -> c.stores("ahi"));
  }

  @Test
  void firesOnHealthDataStoredAtAThirdPartyThatIsNotCertified() {
    var model = sleepApnea().component("crm", ComponentKind.THIRD_PARTY_SERVICE, "saas", c -> c.stores("ahi", "tickets")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("crm"));
    assertThat(findings.get(0).description()).contains("NOT a certified health-data host");
  }

  @Test
  void doesNotFireInACertifiedZoneOnThePatientsDeviceOrForTechnicalData() {
    var model = sleepApnea().component("helpdesk", ComponentKind.THIRD_PARTY_SERVICE, "saas", c -> c.stores("tickets")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
