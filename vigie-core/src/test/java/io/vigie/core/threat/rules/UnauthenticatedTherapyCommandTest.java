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

class UnauthenticatedTherapyCommandTest {
  private final UnauthenticatedTherapyCommand rule = new UnauthenticatedTherapyCommand();

  private static ModelBuilder pump() {
    return new ModelBuilder("Infusion pump")
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .asset("rate", DataCategory.THERAPY)
        .asset("status", DataCategory.TECHNICAL)
        .component("console", ComponentKind.CLINICAL_WORKSTATION, "hospital")
        .component("pump", ComponentKind.EMBEDDED_DEVICE, "hospital",
            c -> c.clinicalFunction("infuses medication", Severity.CATASTROPHIC));
  }

  @Test
  void firesOnTherapySettingsSentToAClinicalFunction() {
    var model = pump().flow("set-rate", "console", "pump",
        f -> f.assets("rate").authentication(Authentication.NONE)).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("set-rate", "pump"));
    assertThat(findings.get(0).description()).contains("NOT authenticated");
  }

  @Test
  void firesOnCommandFlowsWhateverTheyCarry() {
    var model = pump().flow("stop", "console", "pump", f -> f.kind(FlowKind.COMMAND)).build();

    assertThat(rule.apply(ModelIndex.of(model))).hasSize(1);
  }

  @Test
  void doesNotFireOnDataToAComponentWithoutClinicalFunctionOrOnStatusReports() {
    var model = pump()
        .flow("report", "pump", "console", f -> f.assets("status"))
        .flow("settings-copy", "pump", "console", f -> f.assets("rate"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
