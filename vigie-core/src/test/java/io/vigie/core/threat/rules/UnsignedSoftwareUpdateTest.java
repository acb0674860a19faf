package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsignedSoftwareUpdateTest {
  private final UnsignedSoftwareUpdate rule = new UnsignedSoftwareUpdate();

  private static ModelBuilder pumpFleet() {
    return new ModelBuilder("Pump fleet")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .asset("firmware", DataCategory.SOFTWARE)
        .asset("status", DataCategory.TECHNICAL)
        .component("updates", ComponentKind.UPDATE_SERVER, "cloud", c -> c.stores("firmware"))
        .component("gateway", ComponentKind.GATEWAY, "hospital")
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "hospital",
            c -> c.clinicalFunction("infuses medication", Severity.CATASTROPHIC));
  }

  @Test
  void firesOnUnsignedFirmwareUpdates() {
    var model = pumpFleet()
        .flow("ota", "updates", "gateway", f -> f.kind(FlowKind.UPDATE).assets("firmware"))
        .flow("flash", "gateway", "pump", f -> f.assets("firmware").protocol("serial").integrity(Integrity.SIGNATURE))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements)
        .containsExactlyInAnyOrder(List.of("ota", "gateway"), List.of("flash", "pump"));
    assertThat(findings).filteredOn(f -> f.elements().get(0).equals("ota"))
        .singleElement().extracting(Finding::description).asString().contains("NOT signed");
  }

  @Test
  void doesNotFireOnStatusReportsOrSoftwareSentToTheServer() {
    var model = pumpFleet()
        .flow("report", "pump", "gateway", f -> f.assets("status"))
        .flow("upload-build", "gateway", "updates", f -> f.assets("firmware"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
