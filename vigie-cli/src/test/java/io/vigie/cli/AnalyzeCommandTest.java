package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  static Path example(String name) {
    return Path.of(System.getProperty("vigie.repo.root"), "examples", name);
  }

  @Test
  void analysesTheFollowUpExampleIntoTheThreeFilesAndPassesTheGate(@TempDir Path out) throws IOException {
    Cli r = Cli.run("analyze", example("postop-followup").toString(), "--out", out.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Gate passed");
    assertThat(r.err()).contains("derived", "threats");
    JsonNode json = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
    assertThat(json.get("summary").get("gate").asText()).isEqualTo("passed");
    assertThat(json.get("threats").size()).isEqualTo(json.get("risks").size()).isGreaterThan(50);
    JsonNode threat = json.get("threats").get(0);
    assertThat(threat.fieldNames()).toIterable().contains("id", "rule", "title", "category", "elements");
    JsonNode risk = json.get("risks").get(0);
    assertThat(risk.fieldNames()).toIterable()
        .contains("id", "threat", "exploitability", "severity", "level", "residualLevel", "acceptable");
    assertThat(Files.readString(out.resolve("report.md"))).startsWith("# CareFollow post-operative follow-up 3.2.0");
    assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "Risk register");
  }

  @Test
  void theSameModelGivesByteIdenticalAnalysisJson(@TempDir Path a, @TempDir Path b) throws IOException {
    Cli.run("analyze", example("postop-followup").toString(), "--out", a.toString(), "--format", "json", "-q");
    Cli.run("analyze", example("postop-followup").toString(), "--out", b.toString(), "--format", "json", "-q");

    assertThat(Files.readAllBytes(a.resolve("analysis.json"))).isEqualTo(Files.readAllBytes(b.resolve("analysis.json")));
    assertThat(b.resolve("report.html")).doesNotExist();
  }

  @Test
  void theInsulinReleaseCandidateFailsTheGateWithExitCode1AndNamesTheRisks(@TempDir Path out) {
    Cli r = Cli.run("analyze", example("insulin-titration").toString(), "--out", out.toString(), "-q");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Gate FAILED: 4 residual risks", "injection-from-external-input@cgm-connector [critical]");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anInvalidModelExits2WithLocatedMessagesAndNoStackTrace(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("vigie.yaml");
    Files.writeString(model, """
        device: {name: Pump}
        zones: [{id: ward, trust: hospital}]
        components:
          - {id: pump, kind: embedded-device, zone: ward, harmSeverty: catastrophic}
        flows:
          - {id: cmd, from: console, to: pump, protocol: https}
        """);

    Cli r = Cli.run("analyze", model.toString(), "--out", dir.resolve("out").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(
        model + ":2:27: zones[0].trust: 'hospital' is not allowed here",
        model + ":4:51: components[0].harmSeverty: unknown field 'harmSeverty'", "(did you mean 'harmSeverity'?)",
        "2 problems found.");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aFolderWithoutAModelAndAMissingFileAreUsageErrors(@TempDir Path dir) {
    assertThat(Cli.run("analyze", dir.toString()).err()).contains("the folder has no vigie.yaml");
    Cli missing = Cli.run("analyze", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or folder");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitCode2() {
    Cli r = Cli.run("analyze", "--fromat", "json");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--fromat'");
  }
}
