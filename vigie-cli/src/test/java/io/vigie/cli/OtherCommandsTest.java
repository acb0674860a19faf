package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherCommandsTest {
  @Test
  void rulesAsJsonListAtLeastThirtyRulesWithTheirReferences() throws IOException {
    Cli r = Cli.run("rules", "--format", "json");

    assertThat(r.code()).isZero();
    JsonNode rules = new ObjectMapper().readTree(r.out());
    assertThat(rules.size()).isGreaterThanOrEqualTo(30);
    for (JsonNode rule : rules) {
      assertThat(rule.get("id").asText()).matches("[a-z0-9-]+");
      assertThat(rule.get("cwe").size()).as(rule.get("id").asText()).isPositive();
      assertThat(rule.get("mitigations").size()).isPositive();
      assertThat(rule.get("category").asText()).isNotEmpty();
    }
  }

  @Test
  void rulesAsATableEndWithTheCount() {
    assertThat(Cli.run("rules").out()).contains("forged-therapy-command", "rules. `vigie rules --format json`");
  }

  @Test
  void schemaPrintsAJsonSchema() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Cli.run("schema").out());

    assertThat(schema.get("$schema").asText()).contains("2020-12");
    assertThat(schema.get("properties").has("components")).isTrue();
  }

  @Test
  void validateReportsEachFileAndFailsIfAnyIsInvalid(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "device: {name: X}\ncomponents: [{id: a, kind: robot, zone: z}]\n");
    Path good = AnalyzeCommandTest.example("postop-followup");

    Cli r = Cli.run("validate", good.toString(), bad.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("ok: " + good.resolve("vigie.yaml") + " (17 components, 21 flows");
    assertThat(r.err()).contains(bad + ":2:28: components[0].kind: 'robot' is not allowed here");
  }

  @Test
  void importsARealThreatDragonModelIntoAModelThatAnalyses(@TempDir Path dir) throws IOException {
    Path td = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data", "threat-models", "threat-dragon",
        "ThreatDragonModels", "v2-threat-model.json");
    assertThat(td).as("real Threat Dragon data in ../shared/data (see its README)").exists();
    Path out = dir.resolve("vigie.yaml");

    Cli r = Cli.run("import", "threat-dragon", td.toString(), "-o", out.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("wrote " + out, "components", "threats");
    assertThat(r.err()).contains("note: ");
    Cli analyzed = Cli.run("analyze", out.toString(), "--out", dir.resolve("out").toString(), "-q");
    assertThat(analyzed.code()).isIn(0, 1);
    assertThat(dir.resolve("out/analysis.json")).exists();
  }

  @Test
  void importRefusesAThreatDragonV1ModelWithExitCode2(@TempDir Path dir) throws IOException {
    Path v1 = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data", "threat-models", "threat-dragon");
    Path file;
    try (var files = Files.walk(v1)) {
      file = files.filter(p -> p.getFileName().toString().equals("v1-model.json")).findFirst().orElseThrow();
    }

    Cli r = Cli.run("import", "threat-dragon", file.toString(), "-o", dir.resolve("m.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("v2");
    assertThat(dir.resolve("m.yaml")).doesNotExist();
  }

  @Test
  void versionAndHelpWork() {
    assertThat(Cli.run("--version").out()).startsWith("vigie ");
    assertThat(Cli.run("--help").out()).contains("analyze", "diff", "check", "Exit codes");
  }

  @Test
  void sbomCheckReportsTheFdaElementsOfTheRealMedicalDeviceSbomAndTheModelsGaps() {
    Path sbom = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data", "sbom", "medical-device-case-study", "narrow.sbom.json");

    Cli r = Cli.run("sbom", "check", sbom.toString(), "--model", AnalyzeCommandTest.example("postop-followup").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("55 components", "supplier", "0 / 55", "unique identifier (purl or CPE)", "55 / 55",
        "WolfSSL@4.8.1: missing supplier", "Model components without an SBOM", "smart-scale");
  }
}
