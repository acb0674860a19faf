package io.vigie.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.model.Authentication;
import io.vigie.core.model.Capability;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ControlCategory;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.Exploitability;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.Integrity;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.RiskAcceptance;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.risk.Risk;
import io.vigie.core.risk.RiskLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import io.vigie.core.validation.InvalidInputException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  private final Analyzer analyzer = new Analyzer(BuiltInRules.all(), RiskPolicy.defaults());

  /** A dosing app whose cloud sends dose settings to the phone over the internet. */
  private static ModelBuilder dosing(Consumer<ModelBuilder.FlowSpec> doseFlow) {
    return new ModelBuilder("Insulin titration")
        .zone("internet", TrustLevel.INTERNET)
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("dose", DataCategory.THERAPY)
        .component("backend", ComponentKind.API_SERVICE, "cloud")
        .component("app", ComponentKind.MOBILE_APP, "home",
            c -> c.clinicalFunction("computes the insulin dose", Severity.CRITICAL).hazards("HAZ-OVERDOSE"))
        .hazard("HAZ-OVERDOSE", Severity.CATASTROPHIC)
        .flow("dose-plan", "backend", "app", f -> {
          f.kind(FlowKind.COMMAND).assets("dose");
          doseFlow.accept(f);
        });
  }

  private Risk commandRisk(Analysis a) {
    return a.risks().stream().filter(r -> r.threat().equals("forged-therapy-command@dose-plan+app")).findFirst().orElseThrow();
  }

  @Test
  void anUnauthenticatedDoseCommandFromTheInternetIsCriticalAndFailsTheGate() {
    Analysis a = analyzer.analyze(dosing(f -> f.unprotected()).build());

    Risk r = commandRisk(a);
    assertThat(r.exploitability()).isEqualTo(Exploitability.VERY_HIGH);
    assertThat(r.severity()).isEqualTo(Severity.CATASTROPHIC);
    assertThat(r.residualLevel()).isEqualTo(RiskLevel.CRITICAL);
    assertThat(r.acceptable()).isFalse();
    assertThat(r.safetyRisks()).containsExactly("HAZ-OVERDOSE");
    assertThat(r.missingMitigations()).containsExactly("authentication", "message-integrity", "anti-replay");
    assertThat(a.summary().gatePassed()).isFalse();
  }

  @Test
  void verifiedControlsBringTheSameRiskDownToAcceptable() {
    Analysis a = analyzer.analyze(dosing(f -> f.authentication(Authentication.MUTUAL_TLS).integrity(Integrity.SIGNATURE))
        .control("CTL-SIGNED-PLAN", ControlCategory.CODE_DATA_EXECUTION_INTEGRITY, c -> c
            .provides(Capability.MESSAGE_INTEGRITY, Capability.ANTI_REPLAY, Capability.AUTHENTICATION)
            .protects("dose-plan").verifiedBy("test", "VT-042"))
        .build());

    Risk r = commandRisk(a);
    assertThat(r.level()).isEqualTo(RiskLevel.CRITICAL);
    assertThat(r.residualExploitability()).isEqualTo(Exploitability.VERY_LOW);
    assertThat(r.residualLevel()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(r.acceptable()).isTrue();
    assertThat(r.controls()).containsExactly("CTL-SIGNED-PLAN");
    assertThat(r.explanation()).anyMatch(s -> s.contains("verified"));
  }

  @Test
  void anAcceptanceMakesAHighResidualRiskAcceptableButNeverACriticalOne() {
    String id = "forged-therapy-command@dose-plan+app";
    var accepted = new RiskAcceptance(id, "benefit outweighs", "Dr. Q", "2026-11-01");

    Analysis critical = analyzer.analyze(dosing(f -> f.unprotected()).acceptance(accepted).build());
    assertThat(commandRisk(critical).acceptable()).isFalse();

    Analysis high = analyzer.analyze(dosing(f -> f.authentication(Authentication.TOKEN).integrity(Integrity.TRANSPORT)).acceptance(accepted).build());
    assertThat(commandRisk(high).residualLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(commandRisk(high).acceptable()).isTrue();
    assertThat(commandRisk(high).accepted()).isTrue();
  }

  @Test
  void anAcceptanceOfAnUnknownThreatIsAnErrorWithASuggestion() {
    var typo = new RiskAcceptance("forged-therapy-command@dose-plan+ap", "x", "y", "2026-11-01");

    assertThatThrownBy(() -> analyzer.analyze(dosing(f -> {}).acceptance(typo).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("acceptances[0].threat")
        .hasMessageContaining("did you mean 'forged-therapy-command@dose-plan+app'");
  }

  @Test
  void aFlowToAnUndeclaredComponentIsReportedWithItsPath() {
    var model = dosing(f -> {}).flow("bad", "backend", "portal").build();

    assertThatThrownBy(() -> analyzer.analyze(model))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("flows[1].to: unknown component 'portal'");
  }

  @Test
  void aManualThreatWithoutElementsIsAnInputErrorNotACrash() {
    var threat = new io.vigie.core.model.ManualThreat("T-1", "Workshop finding", io.vigie.core.model.Stride.TAMPERING,
        java.util.Optional.empty(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), "");

    assertThatThrownBy(() -> analyzer.analyze(dosing(f -> {}).threat(threat).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("threats[0].elements: expected at least one element");
  }

  @Test
  void aSecondAcceptanceOfTheSameThreatIsAnError() {
    String id = "forged-therapy-command@dose-plan+app";
    var once = new RiskAcceptance(id, "a", "b", "2026-11-01");

    assertThatThrownBy(() -> analyzer.analyze(dosing(f -> {}).acceptance(once).acceptance(once).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("acceptances[1].threat: a second acceptance of '" + id + "' (the first is acceptances[0])");
  }
}
