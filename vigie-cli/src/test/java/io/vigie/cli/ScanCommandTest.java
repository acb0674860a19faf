package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie db import} then {@code vigie scan} on real advisories and real SBOMs from ../shared/data. */
class ScanCommandTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  @TempDir static Path db;

  @BeforeAll
  static void importTheGithubAdvisoriesAndTheKevCatalog() {
    assertThat(DATA).as("real public data in ../shared/data (see its README)").isDirectory();
    Cli r = Cli.run("db", "import", "--db", db.toString(), "--osv", DATA.resolve("osv/GHSA-sample").toString(),
        "--kev", DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported osv", "7 records", "imported kev", "1404 records");
  }

  @Test
  void keycloakShipsSpring4ShellWhichIsKnownExploitedSoTheGateFails() throws IOException {
    Cli r = Cli.run("scan", "--db", db.toString(), "--format", "json", "--max-age-days", "9999",
        "--sbom", DATA.resolve("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json").toString());

    assertThat(r.code()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode spring = null;
    for (JsonNode v : json.get("vulnerabilities")) {
      if (v.get("id").asText().equals("CVE-2022-22965") && v.get("componentName").asText().startsWith("spring-beans@4.3.18")) {
        spring = v;
      }
    }
    assertThat(spring).as("Spring4Shell on spring-beans 4.3.18.RELEASE").isNotNull();
    assertThat(spring.get("knownExploited").asBoolean()).isTrue();
    assertThat(spring.get("ids").toString()).contains("GHSA-36p3-wjmg-h94x");
    assertThat(spring.get("provenance").get(0).get("source").asText()).isEqualTo("GHSA-sample");
    assertThat(spring.get("provenance").get(0).get("rule").asText())
        .contains("Maven org.springframework:spring-beans 4.3.18.RELEASE", "fixed 5.2.20.RELEASE");
    assertThat(json.get("gate").get("reasons").toString()).contains("CVE-2022-22965", "known exploited");
  }

  @Test
  void dropwizardHasTheJunitAndSnakeyamlAdvisoriesAndNothingElse() throws IOException {
    Cli r = Cli.run("scan", "--db", db.toString(), "--format", "json", "--max-age-days", "9999",
        "--sbom", DATA.resolve("sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json").toString());

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("components").asInt()).isEqualTo(167);
    assertThat(json.get("vulnerabilities").findValuesAsText("id")).containsExactlyInAnyOrder("CVE-2020-15250", "CVE-2022-1471");
    assertThat(json.get("notChecked")).isEmpty();
  }

  @Test
  void theTableSaysWhereEachFindingCameFromAndWhatWasNotChecked() {
    Cli r = Cli.run("scan", "--db", db.toString(), "--max-age-days", "9999",
        "--sbom", DATA.resolve("sbom/medical-device-case-study/narrow.sbom.json").toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("55 components, 0 vulnerabilities", "Not checked", "package type 'generic'", "Gate passed.");
  }

  @Test
  void anEmptyDatabaseAndAMissingSbomAreSaidPlainly(@TempDir Path empty) throws IOException {
    Path sbom = DATA.resolve("sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json");
    Cli r = Cli.run("scan", "--db", empty.resolve("db").toString(), "--sbom", sbom.toString());
    assertThat(r.err()).contains("is empty: run `vigie db import` first");

    Cli missing = Cli.run("scan", "--db", db.toString(), "--sbom", empty.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json");
  }

  @Test
  void sarifForGithubCodeScanningIsValidAndPointsAtTheSbomInTheRepository() throws IOException {
    Path sbom = DATA.resolve("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json");
    Cli r = Cli.run("scan", "--db", db.toString(), "--format", "sarif", "--max-age-days", "9999", "--sbom", sbom.toString());

    assertThat(r.code()).as("Spring4Shell is known exploited").isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(r.out());
    com.networknt.schema.Schema schema;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(System.getProperty("vigie.repo.root"),
        "vigie-formats/src/test/resources/sarif/sarif-schema-2.1.0.json"))) {
      schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(sarif, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id")).contains("CVE-2022-22965");
    String uri = run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
    // ../shared/data is not in a git working tree here: the path is relative to the current folder or the file name.
    assertThat(uri).doesNotStartWith("/").doesNotContain("..").endsWith("bom.json");
    assertThat(run.get("properties").get("gate").get("passed").asBoolean()).isFalse();
  }

  @Test
  void sarifLocationsAreRelativeToTheGitWorkingTree(@TempDir Path repo) throws IOException {
    java.nio.file.Files.createDirectories(repo.resolve(".git"));
    Path sbom = java.nio.file.Files.createDirectories(repo.resolve("device/sboms")).resolve("api bom.cdx.json");
    java.nio.file.Files.writeString(sbom, "{}");

    assertThat(SarifLocations.repositoryRelative(sbom)).isEqualTo("device/sboms/api bom.cdx.json");
  }

  @Test
  void statusSaysWhatIsLoaded() {
    Cli r = Cli.run("db", "status", "--db", db.toString());

    assertThat(r.out()).contains("advisories: 7", "known exploited (KEV): 1404", "GHSA-sample");
  }

  @Test
  void aScanThatUpgradesAnOlderDatabaseSaysSoOnceAndFindsWhatTheCurrentOneFinds(@TempDir Path old) throws Exception {
    Path dir = old.resolve("db");
    Cli imported = Cli.run("db", "import", "--db", dir.toString(), "--osv", DATA.resolve("osv/GHSA-sample").toString(),
        "--kev", DATA.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(imported.code()).as(imported.err()).isZero();
    // The database as the Vigie before V9 left it: V7's package names instead of V9's (name,
    // ecosystem) pairs, V9 and later out of the history.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("vulndb"), "sa", "");
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE known_package (package_name VARCHAR(1000) NOT NULL,"
          + " CONSTRAINT known_package_pk PRIMARY KEY (package_name))");
      st.executeUpdate("INSERT INTO known_package (package_name) SELECT DISTINCT package_name FROM affected_package");
      st.executeUpdate("DROP TABLE package_ecosystem");
      st.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INTEGER) >= 9");
    }
    String sbom = DATA.resolve("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json").toString();
    Cli current = Cli.run("scan", "--db", db.toString(), "--format", "json", "--max-age-days", "9999", "--sbom", sbom);

    Cli first = Cli.run("scan", "--db", dir.toString(), "--format", "json", "--max-age-days", "9999", "--sbom", sbom);
    Cli second = Cli.run("scan", "--db", dir.toString(), "--format", "json", "--max-age-days", "9999", "--sbom", sbom);

    assertThat(first.err()).contains("note: the vulnerability database at " + dir + " was upgraded to this version of"
        + " Vigie's schema on this run, once; the next runs skip it");
    assertThat(second.err()).doesNotContain("upgraded");
    assertThat(first.code()).isEqualTo(current.code()).isEqualTo(1);
    JsonNode want = new ObjectMapper().readTree(current.out());
    assertThat(want.get("vulnerabilities")).isNotEmpty();
    assertThat(new ObjectMapper().readTree(first.out()).get("vulnerabilities")).isEqualTo(want.get("vulnerabilities"));
    assertThat(new ObjectMapper().readTree(second.out()).get("vulnerabilities")).isEqualTo(want.get("vulnerabilities"));
  }

  @Test
  void anSbomWhoseOnlyFaultsAreUnresolvedUrlsIsScannedWithAWarningPerValue() throws IOException {
    // CycloneDX's own OBOM example: 903 Maven components, 55 reference URLs holding POM placeholders
    // (${project.artifactId}) that break the 1.4 schema's iri-reference format. Trivy reads it;
    // refusing it left the user with nothing.
    Path obom = DATA.resolve("sbom/cyclonedx-bom-examples/OBOM/Example-1-Decoupled/bom.json");
    Cli r = Cli.run("scan", "--db", db.toString(), "--format", "json", "--max-age-days", "9999", "--sbom", obom.toString());

    assertThat(r.code()).as(r.err()).isIn(0, 1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("components").asInt()).isEqualTo(903);
    boolean junit = false;
    for (JsonNode v : json.get("vulnerabilities")) {
      junit |= v.get("id").asText().equals("CVE-2020-15250") && v.get("componentName").asText().equals("junit@4.12");
    }
    assertThat(junit).as("junit 4.12, CVE-2020-15250 (GHSA-269g-pwp5-87pp): what Trivy finds in it too").isTrue();
    assertThat(r.err()).contains("warning: " + obom + ": /components/5/externalReferences/3/url: does not follow the"
        + " CycloneDX 1.4 JSON schema: does not match the iri-reference pattern must be a valid RFC 3987 IRI-reference"
        + " (found \"https://github.com/FasterXML/${project.artifactId}/issues\")",
        "more values of this kind, not listed", "was read anyway");
  }

  @Test
  void importWithoutAnythingToImportIsAUsageError() {
    Cli r = Cli.run("db", "import", "--db", db.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give at least one of --osv, --nvd, --kev, --epss");
  }

}
