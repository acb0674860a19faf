package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carry-over of VEX decisions end to end, through the real command line and the real
 * GitHub advisory for Log4Shell with the real CISA KEV catalog: release 1.0 of a product ships
 * log4j-core 2.13.3, release 1.1 ships 2.14.1.
 */
class VexCarryOverTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core";
  @TempDir Path dir;
  Path db;
  Path release10;
  Path release11;

  @BeforeEach
  void importLog4ShellAndTheKevCatalogAndWriteTwoReleases() throws IOException {
    assertThat(DATA).as("real public data in ../shared/data (see its README)").isDirectory();
    db = dir.resolve("db");
    Cli r = Cli.run("db", "import", "--db", db.toString(), "--osv", DATA.resolve("osv/GHSA-sample").toString(),
        "--kev", DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    release10 = sbom("1.0", "2.13.3");
    release11 = sbom("1.1", "2.14.1");
  }

  Path sbom(String release, String log4j) throws IOException {
    return Files.writeString(dir.resolve("pump-" + release + ".cdx.json"), """
        {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
         "metadata": {"component": {"type": "firmware", "bom-ref": "pump", "name": "PumpOS", "version": "%s"}},
         "components": [{"type": "library", "bom-ref": "log4j", "group": "org.apache.logging.log4j",
                         "name": "log4j-core", "version": "%s", "purl": "%s@%s"}]}
        """.formatted(release, log4j, LOG4J, log4j));
  }

  Cli scan(Path sbom, String... more) {
    String[] base = {"scan", "--db", db.toString(), "--max-age-days", "99999", "--sbom", sbom.toString()};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  static JsonNode log4shell(Cli r) throws IOException {
    for (JsonNode v : new ObjectMapper().readTree(r.out()).get("vulnerabilities")) {
      if (v.get("id").asText().equals("CVE-2021-44228")) {
        return v;
      }
    }
    throw new AssertionError("no Log4Shell finding in " + r.out());
  }

  @Test
  void aProductLineDecisionOnRelease10IsCarriedTo11AndTheGatePasses() throws IOException {
    Cli before = scan(release10, "--format", "json");
    assertThat(before.code()).as("the gate fails on a known-exploited vulnerability").isEqualTo(1);
    assertThat(log4shell(before).get("knownExploited").asBoolean()).isTrue();
    assertThat(log4shell(before).has("vex")).isFalse();

    Cli recorded = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-2021-44228",
        "--component", LOG4J + "@2.13.3", "--status", "not-affected",
        "--justification", "vulnerable-code-not-in-execute-path", "--why", "JNDI lookups are disabled at start-up",
        "--by", "Alice Martin", "--scope", "product-line", "--product", "PumpOS", "--release", "1.0");
    assertThat(recorded.code()).as(recorded.err()).isZero();
    assertThat(recorded.out()).contains("recorded: CVE-2021-44228 in " + LOG4J + " 2.13.3 is not-affected",
        "product line PumpOS, decided on 1.0", "by Alice Martin");

    Cli after = scan(release11, "--format", "json");
    assertThat(after.code()).as("not affected: the gate passes").isZero();
    JsonNode vex = log4shell(after).get("vex");
    assertThat(vex.get("status").asText()).isEqualTo("not-affected");
    assertThat(vex.get("justification").asText()).isEqualTo("vulnerable-code-not-in-execute-path");
    assertThat(vex.get("carried").asBoolean()).isTrue();
    assertThat(vex.get("versionDiffers").asBoolean()).isTrue();
    assertThat(vex.get("gated").asBoolean()).isFalse();
    assertThat(vex.get("explanation").asText()).contains("carried from release 1.0", "decided by Alice Martin",
        "component then at 2.13.3", "now 2.14.1", "recorded by hand");
    assertThat(log4shell(after).get("knownExploited").asBoolean()).as("still reported with its KEV entry").isTrue();

    Cli table = scan(release11);
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("CVE-2021-44228", "VEX: not-affected (vulnerable-code-not-in-execute-path), not gated",
        "carried from release 1.0", "why: JNDI lookups are disabled at start-up", "Gate passed.");

    Cli cdx = scan(release11, "--format", "cyclonedx-vex");
    assertThat(cdx.code()).isZero();
    assertThat(new JsonParser().validate(cdx.out().getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    JsonNode analysis = new ObjectMapper().readTree(cdx.out()).get("vulnerabilities").get(0).get("analysis");
    assertThat(analysis.get("state").asText()).isEqualTo("not_affected");
    assertThat(analysis.get("justification").asText()).isEqualTo("code_not_reachable");
    assertThat(new ObjectMapper().readTree(cdx.out()).get("metadata").get("component").get("version").asText()).isEqualTo("1.1");
  }

  @Test
  void aReleaseDecisionFor10IsNotCarriedTo11() throws IOException {
    Cli recorded = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "GHSA-jfh8-c2jp-5v3q",
        "--component", LOG4J, "--version", "2.13.3", "--status", "not-affected", "--justification",
        "component-not-present", "--by", "Bob", "--scope", "release", "--product", "PumpOS", "--release", "1.0");
    assertThat(recorded.code()).as(recorded.err()).isZero();

    Cli on10 = scan(release10, "--format", "json");
    assertThat(on10.code()).as("1.0: decided, by an alias of the CVE").isZero();
    assertThat(log4shell(on10).get("vex").get("carried").asBoolean()).isFalse();

    Cli on11 = scan(release11);
    assertThat(on11.code()).as("1.1: the 1.0 decision does not hold").isEqualTo(1);
    assertThat(on11.out()).contains("VEX: no decision recorded", "Gate FAILED", "CVE-2021-44228 in log4j-core");
  }

  @Test
  void aDecisionForThisReleaseBeatsACarriedOneAndExportListsWhatHolds() throws IOException {
    Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-2021-44228", "--component", LOG4J + "@2.13.3",
        "--status", "not-affected", "--justification", "vulnerable-code-not-present", "--by", "Alice",
        "--scope", "product-line", "--product", "PumpOS", "--release", "1.0");
    Cli affected = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-2021-44228",
        "--component", LOG4J + "@2.14.1", "--status", "affected", "--action", "Update log4j-core to 2.17.1",
        "--by", "Bob", "--scope", "release", "--product", "PumpOS", "--release", "1.1");
    assertThat(affected.code()).as(affected.err()).isZero();

    assertThat(scan(release11).code()).as("affected on 1.1: the gate fails").isEqualTo(1);
    assertThat(scan(release10).code()).as("1.0 keeps the product-line decision").isZero();

    Cli export = Cli.run("vex", "export", "--db", db.toString(), "--format", "openvex", "--product", "PumpOS",
        "--release", "1.0", "--by", "PSIRT");
    assertThat(export.code()).as(export.err()).isZero();
    JsonNode statements = new ObjectMapper().readTree(export.out()).get("statements");
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).get("status").asText()).isEqualTo("not_affected");
    assertThat(statements.get(0).get("products").get(0).get("@id").asText()).isEqualTo(LOG4J + "@2.13.3");

    Path csaf = dir.resolve("out/pumpos-1.1.csaf.json");
    Cli toFile = Cli.run("vex", "export", "--db", db.toString(), "--format", "csaf", "--product", "PumpOS",
        "--release", "1.1", "--out", csaf.toString(), "--by", "PSIRT");
    assertThat(toFile.code()).as(toFile.err()).isZero();
    assertThat(Files.readString(csaf)).contains("\"known_affected\"", "Update log4j-core to 2.17.1");

    Cli list = Cli.run("vex", "list", "--db", db.toString(), "--product", "PumpOS");
    assertThat(list.out()).contains("#1 ", "Alice CVE-2021-44228", "not-affected (vulnerable-code-not-present)",
        "#2 ", "Bob CVE-2021-44228", "affected — release PumpOS 1.1", "action: Update log4j-core to 2.17.1");
    assertThat(Cli.run("vex", "list", "--db", db.toString(), "--release", "1.0").out()).doesNotContain("#2 ");
  }

  @Test
  void importsTheCisaVexUseCasesAndListsThem() {
    Path vex = DATA.resolve("sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-3/vex.json");
    Cli r = Cli.run("vex", "import", vex.toString(), "--db", db.toString(), "--scope", "product-line",
        "--product", "GHI", "--by", "PSIRT");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 19 statements", "(cyclonedx), 0 skipped");
    assertThat(Cli.run("vex", "list", "--db", db.toString(), "--vuln", "CVE-2020-11901").out())
        .contains("CVE-2020-11901 GHI 17.4: fixed — product line GHI", "imported from vex.json (CycloneDX 1.4) by PSIRT");
  }

  @Test
  void badInputExits2WithAClearMessage() throws IOException {
    Cli noJustification = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-2021-44228", "--component",
        LOG4J, "--status", "not-affected", "--by", "A", "--scope", "product-line", "--product", "PumpOS");
    assertThat(noJustification.code()).isEqualTo(2);
    assertThat(noJustification.err()).contains("--justification: a not-affected statement for CVE-2021-44228",
        "gives a justification or an impact statement");

    Cli badStatus = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-1", "--component", "x",
        "--status", "safe", "--by", "A", "--scope", "portfolio");
    assertThat(badStatus.code()).isEqualTo(2);
    assertThat(badStatus.err()).contains("--status: 'safe' is not a status");

    Cli noProduct = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-1", "--component", "x",
        "--status", "fixed", "--by", "A", "--scope", "release", "--release", "1.0");
    assertThat(noProduct.code()).isEqualTo(2);
    assertThat(noProduct.err()).contains("--product: missing");

    Cli badPurl = Cli.run("vex", "record", "--db", db.toString(), "--vuln", "CVE-1", "--component", "pkg:/nope",
        "--status", "fixed", "--by", "A", "--scope", "portfolio");
    assertThat(badPurl.code()).isEqualTo(2);
    assertThat(badPurl.err()).contains("--component: 'pkg:/nope' is not a valid package URL");

    Path truncated = Files.writeString(dir.resolve("broken.vex.json"), "{\"bomFormat\": \"CycloneDX\", \"specVer");
    Cli badFile = Cli.run("vex", "import", truncated.toString(), "--db", db.toString(), "--scope", "portfolio", "--by", "A");
    assertThat(badFile.code()).isEqualTo(2);
    assertThat(badFile.err()).contains("broken.vex.json:1:", "not valid JSON").doesNotContain("Exception");

    Cli badFormat = Cli.run("vex", "export", "--db", db.toString(), "--format", "spdx", "--product", "P", "--release", "1");
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--format: 'spdx' is not a VEX format");

    assertThat(Cli.run("vex", "list", "--db", db.toString()).out()).contains("no VEX decision recorded yet");
  }
}
