package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie analyze} with the SBOMs its model names: scanned against a database holding the
 * GitHub advisories sample and the CISA KEV catalog from ../shared/data, or said plainly not to be
 * checked when there is no database.
 */
class AnalyzeVulnerabilitiesTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  @TempDir static Path db;

  static final String MODEL = """
      device: {name: Infusion gateway, version: "2.0"}
      zones:
        - {id: cloud, trust: maker-cloud}
        - {id: home, trust: patient-home}
      assets:
        - {id: doses, category: health}
      components:
        - {id: app, kind: mobile-app, zone: home, processes: [doses]}
        - {id: api, name: Dose API, kind: api-service, zone: cloud, harmSeverity: serious, clinicalFunction: therapy,
           processes: [doses], sbom: sboms/api.cdx.json}
        - {id: store, kind: database, zone: cloud, stores: [doses]}
      flows:
        - {id: order, from: app, to: api, protocol: https, assets: [doses]}
        - {id: save, from: api, to: store, protocol: postgres, assets: [doses]}
      """;

  static final String SBOM = """
      {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
       "metadata": {"component": {"type": "application", "name": "dose-api", "version": "2.0.0", "bom-ref": "app"}},
       "components": [
         {"type": "library", "bom-ref": "log4j", "group": "org.apache.logging.log4j", "name": "log4j-core", "version": "2.14.1",
          "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
         {"type": "library", "bom-ref": "fw", "name": "vendor-firmware-blob", "version": "7"}
       ]}
      """;

  @BeforeAll
  static void importTheGithubAdvisoriesAndTheKevCatalog() {
    assertThat(DATA).as("real public data in ../shared/data (see its README)").isDirectory();
    Cli r = Cli.run("db", "import", "--db", db.toString(), "--osv", DATA.resolve("osv/GHSA-sample").toString(),
        "--kev", DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
  }

  static Path model(Path dir, String sbom) throws IOException {
    Files.createDirectories(dir.resolve("sboms"));
    if (sbom != null) {
      Files.writeString(dir.resolve("sboms/api.cdx.json"), sbom);
    }
    return Files.writeString(dir.resolve("vigie.yaml"), MODEL);
  }

  @Test
  void log4ShellInTheApiSbomIsListedWithItsPriorityAndFailsTheGateAsKnownExploited(@TempDir Path dir) throws IOException {
    model(dir, SBOM);
    Path out = dir.resolve("out");
    Cli r = Cli.run("analyze", dir.toString(), "--out", out.toString(), "--db", db.toString(), "-q");

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("Gate FAILED: 1 vulnerability fails the vulnerability gate:",
        "api: CVE-2021-44228 in log4j-core@2.14.1 is known exploited (CISA KEV)");
    JsonNode json = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
    assertThat(json.get("summary").get("gate").asText()).isEqualTo("failed");
    assertThat(json.get("vulnerabilityCheck").get("checked").asBoolean()).isTrue();
    assertThat(json.get("vulnerabilityCheck").get("componentsWithoutSbom").toString()).contains("store");
    JsonNode api = json.get("vulnerabilities").get(0);
    assertThat(api.get("modelComponent").asText()).isEqualTo("api");
    assertThat(api.get("sbom").asText()).isEqualTo("sboms/api.cdx.json");
    JsonNode log4shell = api.get("vulnerabilities").get(0);
    assertThat(log4shell.get("id").asText()).isEqualTo("CVE-2021-44228");
    assertThat(log4shell.get("knownExploited").asBoolean()).isTrue();
    assertThat(log4shell.get("priority").asText()).isEqualTo("immediate");
    assertThat(log4shell.get("explanation").asText()).contains("known exploited");
    assertThat(api.get("notChecked").toString()).contains("vendor-firmware-blob");

    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("## Vulnerabilities", "### Dose API (`api`)", "`CVE-2021-44228`", "immediate", "yes, due",
        "Where each match came from", "GHSA-sample", "Not checked (1)", "vendor-firmware-blob",
        "Model components without an SBOM (not checked): app, store.");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("id=\"vulnerabilities\"", "<code>CVE-2021-44228</code>", "GHSA-sample");
  }

  @Test
  void theSameModelAndDatabaseGiveByteIdenticalAnalysisJson(@TempDir Path dir) throws IOException {
    model(dir, SBOM);
    Cli.run("analyze", dir.toString(), "--out", dir.resolve("a").toString(), "--db", db.toString(), "--format", "json", "-q");
    Cli.run("analyze", dir.toString(), "--out", dir.resolve("b").toString(), "--db", db.toString(), "--format", "json", "-q");

    assertThat(Files.readAllBytes(dir.resolve("a/analysis.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b/analysis.json")));
  }

  @Test
  void withoutADatabaseTheReportsSayVulnerabilitiesWereNotCheckedAndHowToCheckThem(@TempDir Path dir) throws IOException {
    model(dir, null); // no SBOM file either: it is not read when nothing is checked
    Path out = dir.resolve("out");
    Cli r = Cli.run("analyze", dir.toString(), "--out", out.toString(), "--no-db", "-q");

    assertThat(r.out()).contains("Vulnerabilities NOT checked: --no-db was given", "vigie db import");
    JsonNode json = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
    assertThat(json.get("vulnerabilityCheck").get("checked").asBoolean()).isFalse();
    assertThat(json.get("vulnerabilityCheck").get("reason").asText()).contains("vigie db import");
    assertThat(json.has("vulnerabilities")).as("no empty list that reads as clean").isFalse();
    assertThat(Files.readString(out.resolve("report.md"))).contains("**Vulnerabilities were NOT checked: --no-db was given");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Vulnerabilities were NOT checked");
  }

  @Test
  void aDatabaseWithTheKevCatalogOnlyHasNothingToMatchPackagesAgainstAndTheReportsSaySo(@TempDir Path dir) throws IOException {
    model(dir, SBOM);
    Path kevOnly = dir.resolve("kev-db");
    Cli imported = Cli.run("db", "import", "--db", kevOnly.toString(), "--kev",
        DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(imported.code()).as(imported.err()).isZero();
    Path out = dir.resolve("out");
    Cli r = Cli.run("analyze", dir.toString(), "--out", out.toString(), "--db", kevOnly.toString(), "-q");

    assertThat(r.out()).contains("Vulnerabilities NOT checked", "holds no OSV advisory or CSAF document");
    JsonNode json = new ObjectMapper().readTree(out.resolve("analysis.json").toFile());
    assertThat(json.get("vulnerabilityCheck").get("checked").asBoolean()).isFalse();
    assertThat(json.has("vulnerabilities")).as("no empty list that reads as clean").isFalse();
  }

  @Test
  void aDefaultDatabaseThatDoesNotExistIsNotCheckedButAGivenOneIsAnError(@TempDir Path dir) throws IOException {
    model(dir, SBOM);
    Cli given = Cli.run("analyze", dir.toString(), "--out", dir.resolve("out").toString(), "--db", dir.resolve("nodb").toString(), "-q");

    assertThat(given.code()).isEqualTo(2);
    assertThat(given.err()).contains("--db", "no vulnerability database in", "vigie db import --db");
    assertThat(dir.resolve("nodb")).doesNotExist();
  }

  @Test
  void aMissingSbomIsAnErrorNamingTheModelFileLineAndPath(@TempDir Path dir) throws IOException {
    Path model = model(dir, null);
    Cli r = Cli.run("analyze", dir.toString(), "--out", dir.resolve("out").toString(), "--db", db.toString(), "-q");

    assertThat(r.code()).isEqualTo(2);
    int line = MODEL.lines().toList().indexOf(MODEL.lines().filter(l -> l.contains("sbom:")).findFirst().orElseThrow()) + 1;
    assertThat(r.err()).contains(model + ":" + line + ":", "components[1].sbom", "sboms/api.cdx.json",
        dir.resolve("sboms/api.cdx.json").toString());
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anSbomPathThatLeavesTheModelsFolderIsRefusedWhetherByDotDotOrBySymbolicLink(@TempDir Path dir) throws IOException {
    // A model changed in a pull request must not make CI read files outside the repository.
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Path secret = Files.writeString(dir.resolve("secret.cdx.json"), SBOM);
    model(repo, null);
    Files.writeString(repo.resolve("vigie.yaml"), MODEL.replace("sboms/api.cdx.json", "../secret.cdx.json"));
    Cli dotDot = Cli.run("analyze", repo.toString(), "--out", dir.resolve("out1").toString(), "--db", db.toString(), "-q");

    Files.writeString(repo.resolve("vigie.yaml"), MODEL);
    Files.createSymbolicLink(repo.resolve("sboms/api.cdx.json"), secret);
    Cli link = Cli.run("analyze", repo.toString(), "--out", dir.resolve("out2").toString(), "--db", db.toString(), "-q");

    for (Cli r : java.util.List.of(dotDot, link)) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("components[1].sbom", "lies outside " + repo.toRealPath()).doesNotContain("Exception");
    }
    assertThat(dir.resolve("out1")).doesNotExist();
    assertThat(dir.resolve("out2")).doesNotExist();
  }

  @Test
  void theExamplesDeclareSbomsThatExistAndPassTheirDocumentedGatesWithTheSample(@TempDir Path out) {
    Path examples = Path.of(System.getProperty("vigie.repo.root"), "examples");
    Cli postop = Cli.run("analyze", examples.resolve("postop-followup").toString(), "--out", out.resolve("p").toString(),
        "--db", db.toString(), "-q");
    assertThat(postop.code()).as(postop.out() + postop.err()).isZero();
    assertThat(postop.out()).contains("Vulnerabilities: 0 in 6 component SBOMs.", "Gate passed");

    Cli insulin = Cli.run("analyze", examples.resolve("insulin-titration").toString(), "--out", out.resolve("i").toString(),
        "--db", db.toString(), "-q");
    assertThat(insulin.code()).isEqualTo(1);
    assertThat(insulin.out()).contains("Vulnerabilities: 0 in 3 component SBOMs.", "Gate FAILED: 4 residual risks")
        .doesNotContain("vulnerability gate:");
  }
}
