package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.KevEntry;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityGate;
import io.vigie.core.vuln.VulnerabilityScan;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMerger;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.match.VulnerabilityMatcher;
import io.vigie.core.vuln.priority.CvssScore;
import io.vigie.core.vuln.priority.ExploitEvidence;
import io.vigie.core.vuln.priority.MedicalDeviceContext;
import io.vigie.core.vuln.priority.Prioritizer;
import io.vigie.formats.sbom.SbomReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SARIF output of real scans (CycloneDX SBOMs of keycloak and dropwizard against the GitHub
 * advisories sample and the CISA KEV catalog from ../shared/data), validated against the official
 * SARIF 2.1.0 JSON Schema and checked for the constraints GitHub code scanning adds.
 */
class SarifWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  private static final Path KEYCLOAK = Path.of("sbom/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json");
  private static final Path DROPWIZARD = Path.of("sbom/cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json");
  private static Schema schema;
  private static List<Advisory> advisories;
  private static Map<String, KevEntry> kev;

  @BeforeAll
  static void loadTheSchemaTheAdvisoriesAndTheKevCatalog() throws IOException {
    try (InputStream in = SarifWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the official SARIF schema in src/test/resources/sarif").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    advisories = new ArrayList<>();
    new OsvReader().readAll(SharedData.folder().resolve("osv/GHSA-sample"), advisories::add, p -> {});
    kev = new HashMap<>();
    new KevReader().read(SharedData.folder().resolve("cisa-kev/known_exploited_vulnerabilities.json")).entries()
        .forEach(k -> kev.put(k.cveId(), k));
  }

  /** The scan pipeline of vigie scan (ScanRun) over in-memory advisories: match, merge, enrich, gate. */
  static VulnerabilityScan scan(Path relative, MedicalDeviceContext context) {
    Sbom bom = new SbomReader().read(SharedData.folder().resolve(relative));
    MatchResult r = new VulnerabilityMatcher((eco, name) -> advisories.stream()
        .filter(a -> a.affected().stream().anyMatch(x -> x.ecosystem().equals(eco) && x.packageName().equals(name)))
        .toList()).match(bom.components());
    List<VulnerabilityFinding> findings = new ArrayList<>();
    for (VulnerabilityMatch m : MatchMerger.merge(r.matches())) {
      findings.add(enrich(m, context));
    }
    return new VulnerabilityScan(relative.toString(), bom.describes().map(d -> d.nameAndVersion()).orElse("?"),
        r.components(), findings, r.notChecked(), new VulnerabilityGate(VulnerabilityGate.Policy.defaults()).reasons(findings));
  }

  static VulnerabilityFinding enrich(VulnerabilityMatch m, MedicalDeviceContext context) {
    Optional<KevEntry> k = m.ids().stream().map(kev::get).filter(x -> x != null).findFirst();
    Optional<CvssScore> cvss = Optional.empty();
    for (String v : m.cvssVectors()) {
      try {
        CvssScore s = CvssScore.parse(v);
        cvss = cvss.isEmpty() || s.baseScore() > cvss.get().baseScore() ? Optional.of(s) : cvss;
      } catch (InvalidInputException e) {
        // left out, as ScanRun does
      }
    }
    ExploitEvidence evidence = k.map(x -> ExploitEvidence.kev(x.dueDate())).orElse(ExploitEvidence.none());
    return new VulnerabilityFinding(m, k, Optional.empty(), cvss,
        cvss.map(c -> new Prioritizer().prioritize(c, evidence, context, TODAY)), context);
  }

  static List<Error> validate(JsonNode sarif) {
    return schema.validate(sarif, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  static String text(Path relative) {
    try {
      return Files.readString(SharedData.folder().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void keycloakGivesAValidLogWithOneRulePerVulnerabilityAndOneResultPerFinding() throws IOException {
    VulnerabilityScan scan = scan(KEYCLOAK, MedicalDeviceContext.unknown("identity server"));
    String written = new SarifWriter("0.1.0").write(scan, "sboms/keycloak bom.json", Optional.of(text(KEYCLOAK)));
    JsonNode sarif = JSON.readTree(written);

    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("runs")).hasSize(1);
    JsonNode run = sarif.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("Vigie");
    assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
    assertThat(driver.get("informationUri").asText()).startsWith("https://");
    Set<String> ruleIds = new TreeSet<>(driver.get("rules").findValuesAsText("id"));
    Set<String> findingIds = new TreeSet<>(scan.findings().stream().map(f -> f.match().id()).toList());
    assertThat(ruleIds).isEqualTo(findingIds).contains("CVE-2022-22965");
    assertThat(run.get("results")).hasSize(scan.findings().size());

    JsonNode spring = rule(run, "CVE-2022-22965");
    assertThat(spring.get("properties").get("security-severity").asText()).isEqualTo("9.8");
    assertThat(spring.get("properties").get("tags").toString()).contains("security", "known-exploited");
    assertThat(spring.get("help").get("text").asText())
        .contains("Known exploited (CISA KEV): yes", "CVSS: 9.8", "GHSA-sample", "upgrade to 5.2.20.RELEASE");
    assertThat(spring.get("help").get("markdown").asText()).contains("**Priority for patients**");
    assertThat(spring.get("helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2022-22965");

    JsonNode result = resultFor(run, "CVE-2022-22965", "spring-beans 4.3.18.RELEASE");
    assertThat(result.get("level").asText()).as("known exploited: fails the gate").isEqualTo("error");
    assertThat(result.get("message").get("text").asText())
        .startsWith("spring-beans 4.3.18.RELEASE has CVE-2022-22965 (immediate priority).");
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("sboms/keycloak%20bom.json");
    assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    int line = location.get("region").get("startLine").asInt();
    String purlLine = text(KEYCLOAK).lines().skip(line - 1).findFirst().orElseThrow();
    assertThat(purlLine).as("the region points at the component's package URL")
        .contains("pkg:maven/org.springframework/spring-beans@4.3.18.RELEASE");
    assertThat(result.get("partialFingerprints").get(SarifWriter.FINGERPRINT).asText())
        .isEqualTo("pkg:maven/org.springframework/spring-beans|CVE-2022-22965");
    assertThat(run.get("properties").get("gate").get("passed").asBoolean()).isFalse();
    assertThat(run.get("properties").get("gate").get("reasons").toString()).contains("CVE-2022-22965");
  }

  @Test
  void dropwizardHasTheJunitAndSnakeyamlRulesAndItsFingerprintsIgnoreTheVersion() throws IOException {
    VulnerabilityScan scan = scan(DROPWIZARD, MedicalDeviceContext.unknown("dropwizard app"));
    JsonNode run = JSON.readTree(new SarifWriter("0.1.0").write(scan, "bom.json", Optional.of(text(DROPWIZARD))))
        .get("runs").get(0);

    assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id"))
        .containsExactly("CVE-2020-15250", "CVE-2022-1471");
    for (JsonNode r : run.get("results")) {
      assertThat(r.get("partialFingerprints").get(SarifWriter.FINGERPRINT).asText()).doesNotContain("@");
      assertThat(r.get("ruleIndex").asInt()).isBetween(0, 1);
    }
    // Same component, another vulnerable version: same identity, so GitHub keeps the alert open, not a new one.
    VulnerabilityMatch m = scan.findings().get(0).match();
    VulnerabilityMatch upgraded = new VulnerabilityMatch(m.componentRef(), m.componentName(), "9.9", m.purl().replace("@" + m.version(), "@9.9"),
        m.id(), m.ids(), m.summary(), m.cvssVectors(), m.provenance());
    assertThat(SarifWriter.identity(upgraded)).isEqualTo(SarifWriter.identity(m));
  }

  @Test
  void anEmptyScanIsAValidLogWithNoResultsAndAPassedGate() throws IOException {
    VulnerabilityScan empty = new VulnerabilityScan("sboms/empty.cdx.json", "empty", 0, List.of(), List.of(), List.of());
    JsonNode sarif = JSON.readTree(new SarifWriter("").write(empty, "sboms/empty.cdx.json", Optional.empty()));

    assertThat(validate(sarif)).isEmpty();
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("results")).isEmpty();
    assertThat(run.get("tool").get("driver").get("rules")).isEmpty();
    assertThat(run.get("tool").get("driver").get("version").asText()).isEqualTo("development");
    assertThat(run.get("properties").get("gate").get("passed").asBoolean()).isTrue();
  }

  @Test
  void aHostileSummaryIsEscapedInMarkdownAndKeptWhole() throws IOException {
    String summary = "<img src=x onerror=alert(1)> [click](https://evil.example) \"quoted\" \\ back\u0007slash\nnew line | pipe `tick`";
    VulnerabilityScan scan = oneFinding(summary, "GHSA-xxxx-yyyy-zzzz", "pkg:npm/%40scope/left-pad@1.0.0?arch=x64#lib");
    String written = new SarifWriter("0.1.0").write(scan, "sboms/app.cdx.json", Optional.of("{\n \"purl\": \"nothing\"\n}"));
    JsonNode sarif = JSON.readTree(written);

    assertThat(validate(sarif)).isEmpty();
    JsonNode rule = sarif.get("runs").get(0).get("tool").get("driver").get("rules").get(0);
    assertThat(rule.get("shortDescription").get("text").asText())
        .isEqualTo("<img src=x onerror=alert(1)> [click](https://evil.example) \"quoted\" \\ back slash new line | pipe `tick`");
    String markdown = rule.get("help").get("markdown").asText();
    assertThat(markdown).doesNotContain("<img", "](https://evil.example)", "`tick`").contains("&lt;img", "\\[click\\]");
    JsonNode result = sarif.get("runs").get(0).get("results").get(0);
    assertThat(result.get("message").get("text").asText()).doesNotContain("\n", "\u0007");
    assertThat(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt())
        .as("package URL not in the text: line 1").isEqualTo(1);
    assertThat(result.get("partialFingerprints").get(SarifWriter.FINGERPRINT).asText())
        .isEqualTo("pkg:npm/%40scope/left-pad|GHSA-xxxx-yyyy-zzzz");
    assertThat(result.get("level").asText()).as("no CVSS vector: unknown, not low").isEqualTo("warning");
  }

  @Test
  void githubsLimitsAreKept() throws IOException {
    String longId = "X-" + "9".repeat(400);
    VulnerabilityScan scan = oneFinding("s".repeat(5000), longId, "");
    JsonNode sarif = JSON.readTree(new SarifWriter("0.1.0").write(scan, "a/b c#d?.json", Optional.empty()));

    assertThat(validate(sarif)).isEmpty();
    JsonNode rule = sarif.get("runs").get(0).get("tool").get("driver").get("rules").get(0);
    assertThat(rule.get("id").asText()).hasSizeLessThanOrEqualTo(SarifWriter.MAX_NAME)
        .isEqualTo(sarif.get("runs").get(0).get("results").get(0).get("ruleId").asText());
    assertThat(rule.get("name").asText()).hasSizeLessThanOrEqualTo(SarifWriter.MAX_NAME);
    assertThat(rule.get("shortDescription").get("text").asText()).hasSizeLessThanOrEqualTo(SarifWriter.MAX_DESCRIPTION);
    assertThat(rule.get("fullDescription").get("text").asText()).hasSizeLessThanOrEqualTo(SarifWriter.MAX_DESCRIPTION);
    assertThat(rule.has("helpUri")).as("no link built from an ID that is not a plain ID").isFalse();
    assertThat(sarif.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
        .get("artifactLocation").get("uri").asText()).isEqualTo("a/b%20c%23d%3F.json");
  }

  @Test
  void aRunOverTheResultLimitKeepsTheMostSevereAndSaysHowManyWereLeftOut() throws IOException {
    VulnerabilityScan scan = scan(KEYCLOAK, MedicalDeviceContext.unknown("identity server"));
    int limit = 3;
    JsonNode run = JSON.readTree(new SarifWriter("0.1.0", limit).write(scan, "bom.json", Optional.empty())).get("runs").get(0);

    assertThat(scan.findings().size()).isGreaterThan(limit);
    assertThat(run.get("results")).hasSize(limit);
    assertThat(run.get("results").findValuesAsText("ruleId")).contains("CVE-2022-22965");
    assertThat(run.get("properties").get("findingsLeftOut").asInt()).isEqualTo(scan.findings().size() - limit);
    assertThat(run.get("invocations").get(0).get("toolExecutionNotifications").get(0).get("message").get("text").asText())
        .contains("left out", "more than " + limit);
    assertThat(run.get("tool").get("driver").get("rules").size()).isLessThanOrEqualTo(limit);
  }

  @Test
  void exactlyTheFindingsAGateReasonNamesAreErrorsAmongThousandsOfReasons() throws IOException {
    // A component out of the patient's way: most findings are of low priority, not errors by it.
    VulnerabilityScan keycloak = scan(KEYCLOAK, new MedicalDeviceContext("log viewer",
        io.vigie.core.model.Reachability.PHYSICAL, false, io.vigie.core.model.Severity.NEGLIGIBLE, false, true));
    // Findings whose priority alone does not make them errors; a reason names every other one. The
    // others get decoys that sort right beside their subject: a longer component name, the same
    // name cut short. And thousands of reasons about other findings around them.
    List<VulnerabilityFinding> findings = keycloak.findings();
    List<Integer> quiet = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (!level(findings.get(i)).equals("error")) {
        quiet.add(i);
      }
    }
    assertThat(quiet).hasSizeGreaterThanOrEqualTo(4);
    List<String> reasons = new ArrayList<>();
    Set<Integer> named = new TreeSet<>();
    for (int k = 0; k < quiet.size(); k++) {
      String subject = VulnerabilityGate.subject(findings.get(quiet.get(k)));
      if (k % 2 == 0) {
        reasons.add(subject + " is named by this test");
        named.add(quiet.get(k));
      } else {
        reasons.add(subject + ".1 is another component");
        reasons.add(subject + "x is another component");
        reasons.add(subject.substring(0, subject.length() - 1) + " is a shorter name");
      }
    }
    for (int i = 0; i < 5000; i++) {
      reasons.add(String.format("CVE-2000-%05d in filler@%d is known exploited (CISA KEV)", i, i));
    }
    java.util.Collections.shuffle(reasons, new java.util.Random(42));
    VulnerabilityScan scan = new VulnerabilityScan(keycloak.sbom(), keycloak.subject(), keycloak.components(), findings,
        keycloak.notChecked(), reasons);

    JsonNode results = JSON.readTree(new SarifWriter("0.1.0").write(scan, "bom.json", Optional.empty()))
        .get("runs").get(0).get("results");
    assertThat(results).hasSize(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      String expected = named.contains(i) ? "error" : level(findings.get(i));
      assertThat(results.get(i).get("level").asText()).as(VulnerabilityGate.subject(findings.get(i))).isEqualTo(expected);
    }
  }

  /** The level a finding gets from its priority alone, when no gate reason names it. */
  private static String level(VulnerabilityFinding f) {
    return f.priority().map(p -> switch (p.priorityClass()) {
      case IMMEDIATE, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFORMATIONAL -> "note";
    }).orElse("warning");
  }

  @Test
  void writtenOntoAStreamTheLogIsTheWholeDocumentAndTheStreamStaysOpen() throws IOException {
    VulnerabilityScan scan = scan(KEYCLOAK, MedicalDeviceContext.unknown("identity server"));
    SarifWriter sarif = new SarifWriter("0.1.0");
    assertThat(JSON.readTree(streamed(out -> sarif.write(scan, "bom.json", Optional.of(text(KEYCLOAK)), out))))
        .isEqualTo(sarif.toJson(scan, "bom.json", Optional.of(text(KEYCLOAK))));
    ScanJsonWriter json = new ScanJsonWriter();
    assertThat(JSON.readTree(streamed(out -> json.write(scan, out)))).isEqualTo(json.toJson(scan));
  }

  /** What {@code write} put onto a stream that refuses writes once closed, checked to be still open after. */
  private static String streamed(java.util.function.Consumer<java.io.Writer> write) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    java.io.BufferedWriter out = new java.io.BufferedWriter(text);
    write.accept(out);
    out.write("\nmore"); // throws "Stream closed" if the writer closed it
    out.flush();
    assertThat(text.toString()).endsWith("}\nmore");
    return text.toString().substring(0, text.toString().length() - "\nmore".length());
  }

  @Test
  void theSchemaCatchesWhatGithubWouldReject() {
    // The validation is not a rubber stamp: a log without a message, or with a bad level, fails it.
    com.fasterxml.jackson.databind.node.ObjectNode bad = JSON.createObjectNode().put("version", "2.1.0");
    com.fasterxml.jackson.databind.node.ObjectNode run = bad.putArray("runs").addObject();
    run.putObject("tool").putObject("driver").put("name", "Vigie");
    run.putArray("results").addObject().put("level", "fatal");
    assertThat(validate(bad)).isNotEmpty();
    // Formats are asserted too: an unencoded space is not a URI reference, which encodePath prevents.
    com.fasterxml.jackson.databind.node.ObjectNode spaced = JSON.createObjectNode().put("version", "2.1.0");
    com.fasterxml.jackson.databind.node.ObjectNode run2 = spaced.putArray("runs").addObject();
    run2.putObject("tool").putObject("driver").put("name", "Vigie");
    run2.putArray("results").addObject().put("level", "note").<com.fasterxml.jackson.databind.node.ObjectNode>set("message",
        JSON.createObjectNode().put("text", "x")).putArray("locations").addObject().putObject("physicalLocation")
        .putObject("artifactLocation").put("uri", "sboms/a b.json");
    assertThat(validate(spaced)).isNotEmpty();
  }

  private static VulnerabilityScan oneFinding(String summary, String id, String purl) {
    VulnerabilityMatch m = new VulnerabilityMatch("ref-1", "left-pad@1.0.0", "1.0.0", purl, id, List.of(id), summary,
        List.of(), List.of(new VulnerabilityMatch.Provenance(id, "test feed", "record.json", MatchMethod.PACKAGE_URL_RANGE,
            MatchConfidence.HIGH, "range 1 (SEMVER): introduced 0, no fix")));
    VulnerabilityFinding f = new VulnerabilityFinding(m, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        MedicalDeviceContext.unknown("app"));
    return new VulnerabilityScan("sboms/app.cdx.json", "app", 1, List.of(f),
        List.of(new NotChecked("ref-2", "firmware <b>blob</b>", "no package URL")), List.of());
  }

  private static JsonNode rule(JsonNode run, String id) {
    for (JsonNode r : run.get("tool").get("driver").get("rules")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode resultFor(JsonNode run, String id, String component) {
    for (JsonNode r : run.get("results")) {
      if (r.get("ruleId").asText().equals(id) && r.get("message").get("text").asText().startsWith(component + " ")) {
        return r;
      }
    }
    throw new AssertionError("no result " + id + " in " + component);
  }
}
