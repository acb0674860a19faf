package io.vigie.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.analysis.Analyzer;
import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.DeviceModel;
import io.vigie.core.model.Encryption;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.risk.RiskPolicy;
import io.vigie.core.threat.rules.BuiltInRules;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChangeImpactAnalyzerTest {
  private final ChangeImpactAnalyzer analyzer =
      new ChangeImpactAnalyzer(new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()), ChangePolicy.defaults());

  /** App → API → portal; the alerting engine is the safety-relevant part. */
  private static DeviceModel platform(Consumer<ModelBuilder> change) {
    ModelBuilder b = new ModelBuilder("Post-op follow-up")
        .zone("home", TrustLevel.PATIENT_HOME)
        .zone("hds", TrustLevel.CERTIFIED_HOSTING)
        .zone("hospital", TrustLevel.HOSPITAL_NETWORK)
        .asset("vitals", DataCategory.HEALTH)
        .asset("metrics", DataCategory.TECHNICAL)
        .component("app", ComponentKind.MOBILE_APP, "home", c -> c.code("apps/mobile/**"))
        .component("api", ComponentKind.API_SERVICE, "hds", c -> c.code("services/api/**").processes("vitals"))
        .component("alerting", ComponentKind.BACKEND_JOB, "hds",
            c -> c.code("services/alerting/**").clinicalFunction("raises deterioration alerts", Severity.SERIOUS))
        .component("portal", ComponentKind.WEB_PORTAL, "hospital", c -> c.code("web/portal/**").processes("vitals"))
        .flow("upload", "app", "api", f -> f.assets("vitals"))
        .flow("to-alerting", "api", "alerting", f -> f.assets("vitals"))
        .flow("to-portal", "api", "portal", f -> f.assets("vitals"));
    change.accept(b);
    return b.build();
  }

  private ChangeImpact impact(DeviceModel before, DeviceModel after, List<FileChange> files, List<String> messages) {
    return analyzer.analyze(new ChangeInput("base", "head", Optional.of(before), after, "vigie.yaml", files, List.of(), messages));
  }

  @Test
  void aCodeChangeToTheApiReachesThePortalThatDisplaysItsDataOneHopDownstream() {
    DeviceModel m = platform(b -> {});

    ChangeImpact i = impact(m, m, List.of(FileChange.of("services/api/src/Validation.java", ChangeType.CHANGED)), List.of());

    assertThat(i.securityRelevant()).isTrue();
    assertThat(i.impacted()).extracting(ImpactedElement::id)
        .containsExactly("api", "alerting", "to-alerting", "portal", "to-portal");
    assertThat(i.impacted().get(0).reasons()).containsExactly("code changed: services/api/src/Validation.java");
    ImpactedElement portal = i.impacted().stream().filter(e -> e.id().equals("portal")).findFirst().orElseThrow();
    assertThat(portal.direct()).isFalse();
    assertThat(portal.reasons()).containsExactly("receives vitals from changed 'api' through flow 'to-portal'");
    assertThat(portal.dataIntegrity()).isFalse();
    assertThat(i.impacted().stream().filter(e -> e.id().equals("to-portal")).findFirst().orElseThrow().dataIntegrity())
        .as("the flow carries health data").isTrue();
  }

  @Test
  void droppingEncryptionOnAFlowAddsAnUnacceptableRiskAndFailsTheGate() {
    DeviceModel before = platform(b -> {});
    DeviceModel after = platform(b -> b.flow("sms", "api", "portal", f -> f.assets("vitals").unprotected().protocol("http")));
    ChangeImpact add = impact(before, after, List.of(FileChange.of("vigie.yaml", ChangeType.CHANGED)), List.of());

    assertThat(add.modelChanges()).extracting(ElementChange::id).containsExactly("sms");
    assertThat(add.threats()).extracting(ThreatChange::threat).contains("health-data-disclosure-in-transit@sms");
    assertThat(add.gatePassed()).isFalse();
    assertThat(add.gateReasons()).anyMatch(r -> r.startsWith("new unacceptable residual risk: risk:health-data-disclosure-in-transit@sms"));
  }

  @Test
  void onlyDocumentationChangedSaysSoAndPasses() {
    DeviceModel m = platform(b -> {});

    ChangeImpact i = impact(m, m, List.of(FileChange.of("README.md", ChangeType.CHANGED),
        FileChange.of("docs/architecture.md", ChangeType.ADDED)), List.of());

    assertThat(i.securityRelevant()).isFalse();
    assertThat(i.impacted()).isEmpty();
    assertThat(i.unmappedFiles()).containsExactly("README.md", "docs/architecture.md");
    assertThat(i.gatePassed()).isTrue();
    assertThat(i.verdict()).startsWith("No security-relevant change: 2 files of the device changed, none of them in the code of a component");
  }

  @Test
  void codeUnderASafetyCriticalComponentNeedsAModelReview() {
    DeviceModel m = platform(b -> {});
    List<FileChange> files = List.of(FileChange.of("services/alerting/Rules.java", ChangeType.CHANGED));

    ChangeImpact unreviewed = impact(m, m, files, List.of("Tune alert thresholds"));
    assertThat(unreviewed.patientSafety()).isTrue();
    assertThat(unreviewed.gatePassed()).isFalse();
    assertThat(unreviewed.gateReasons()).singleElement().asString().contains("safety-relevant component 'alerting'");

    ChangeImpact reviewed = impact(m, m, files, List.of("Tune alert thresholds\n\nSecurity-Reviewed-By: A. Martin <am@example.com>"));
    assertThat(reviewed.gatePassed()).isTrue();
  }

  @Test
  void aPackageChangeWithAKnownExploitedVulnerabilityFailsTheGateOnTheComponentOfItsSbom() {
    DeviceModel m = platform(b -> b.component("gateway", ComponentKind.GATEWAY, "home", c -> c.sbom("sboms/gateway.cdx.json")));
    PackageChange log4j = new PackageChange("sboms/gateway.cdx.json", "log4j-core", Optional.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
        PackageChange.Kind.DOWNGRADED, Optional.of("2.17.1"), Optional.of("2.14.1"), List.of(), List.of(),
        List.of("CVE-2021-44228"), List.of(), List.of("CVE-2021-44228"));

    ChangeImpact i = analyzer.analyze(new ChangeInput("base", "head", Optional.of(m), m, "vigie.yaml",
        List.of(FileChange.of("sboms/gateway.cdx.json", ChangeType.CHANGED)), List.of(log4j), List.of()));

    assertThat(i.impacted().get(0).id()).isEqualTo("gateway");
    assertThat(i.impacted().get(0).reasons()).containsExactly("third-party package log4j-core 2.17.1 -> 2.14.1 (downgraded) (sboms/gateway.cdx.json)");
    assertThat(i.gateReasons()).containsExactly("known-exploited vulnerability CVE-2021-44228 comes with log4j-core 2.17.1 -> 2.14.1 (downgraded)");
  }

  @Test
  void depthZeroKeepsOnlyTheChangedElements() {
    var shallow = new ChangeImpactAnalyzer(new Analyzer(BuiltInRules.all(), RiskPolicy.defaults()), ChangePolicy.defaults().withDepth(0));
    DeviceModel m = platform(b -> {});

    ChangeImpact i = shallow.analyze(new ChangeInput("b", "h", Optional.of(m), m, "vigie.yaml",
        List.of(FileChange.of("services/api/x.java", ChangeType.CHANGED)), List.of(), List.of()));

    assertThat(i.impacted()).extracting(ImpactedElement::id).containsExactly("api");
  }

  @Test
  void removingAControlOrAFlowImpactsWhatItProtectedOrLinked() {
    DeviceModel before = platform(b -> b
        .flow("export", "api", "portal", f -> f.assets("metrics"))
        .control("CTL-WAF", io.vigie.core.model.ControlCategory.EVENT_DETECTION_LOGGING,
            c -> c.provides(io.vigie.core.model.Capability.SECURITY_MONITORING).protects("api")));
    DeviceModel after = platform(b -> {});

    ChangeImpact i = impact(before, after, List.of(FileChange.of("vigie.yaml", ChangeType.CHANGED)), List.of());

    ImpactedElement api = i.impacted().stream().filter(e -> e.id().equals("api")).findFirst().orElseThrow();
    assertThat(api.direct()).isTrue();
    assertThat(api.reasons()).contains("flow 'export' removed", "control 'CTL-WAF' that protected it was removed");
    assertThat(i.impacted().stream().filter(e -> e.id().equals("portal")).findFirst().orElseThrow().reasons())
        .contains("flow 'export' removed");
  }
}
