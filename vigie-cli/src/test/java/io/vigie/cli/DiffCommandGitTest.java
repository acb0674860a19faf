package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie diff} on a real git repository built in a temporary folder: a post-operative
 * follow-up platform, then one realistic change per commit, each asserted on its exact impacted
 * elements, flags and exit code.
 */
class DiffCommandGitTest {
  static final String MODEL = """
      vigie: 1
      device: {name: Post-op follow-up, manufacturer: Example Medical SAS, version: 2.4.0, intendedUse: Remote monitoring after surgery}
      zones:
        - {id: home, trust: patient-home}
        - {id: hds, trust: certified-hosting, certifiedHealthDataHost: true}
        - {id: hospital, trust: hospital-network}
      assets:
        - {id: vitals, category: health, legalBasis: GDPR art. 9(2)(h), consent: CONSENT-2026-01}
      components:
        - {id: app, kind: mobile-app, zone: home, processes: [vitals], code: ["apps/mobile/**"]}
        - {id: api, kind: api-service, zone: hds, processes: [vitals], code: ["services/api/**"]}
        - {id: alerting, kind: backend-job, zone: hds, processes: [vitals], code: ["services/alerting/**"],
           clinicalFunction: raises deterioration alerts, harmSeverity: serious}
        - {id: portal, kind: web-portal, zone: hospital, processes: [vitals], code: ["web/portal/**"]}
      flows:
        - {id: upload, from: app, to: api, protocol: https, assets: [vitals], authentication: token, authorization: owner-only, encryption: transport, integrity: transport}
        - {id: to-alerting, from: api, to: alerting, protocol: https, assets: [vitals], authentication: mutual-tls, authorization: role-based, encryption: transport, integrity: transport}
        - {id: to-portal, from: api, to: portal, protocol: https, assets: [vitals], authentication: multi-factor, authorization: role-based, encryption: transport, integrity: transport}
      """;

  @TempDir Path repo;
  private Git git;
  private final List<String> tags = new ArrayList<>();

  @BeforeEach
  void initialRevision() throws Exception {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("vigie.yaml", MODEL);
    write("services/api/src/Validation.java", "class Validation { boolean ok(String s) { return s != null; } }\n");
    write("services/alerting/src/Rules.java", "class Rules { int threshold = 120; }\n");
    write("web/portal/src/index.ts", "export const x = 1;\n");
    write("apps/mobile/src/Main.kt", "fun main() {}\n");
    write("README.md", "# Post-op follow-up\n");
    commit("Initial platform", "v1");
  }

  private void write(String path, String content) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void commit(String message, String tag) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Dev", "dev@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    git.tag().setName(tag).call();
    tags.add(tag);
  }

  private JsonNode diff(String base, String head, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("diff", base, head, "--repo", repo.toString(), "--format", "json"));
    args.addAll(List.of(more));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.err()).as("stderr").isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(r.code()).as("exit code follows the gate").isEqualTo(json.get("gate").get("passed").asBoolean() ? 0 : 1);
    return json;
  }

  private static List<String> ids(JsonNode impacted) {
    List<String> out = new ArrayList<>();
    impacted.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void addingAComponentShowsItAndItsNewFlow() throws Exception {
    write("vigie.yaml", MODEL
        .replace("  - {id: portal,", "  - {id: ehr, kind: third-party-service, zone: hospital, processes: [vitals]}\n  - {id: portal,")
        + "  - {id: to-ehr, from: api, to: ehr, protocol: fhir-over-https, assets: [vitals], authentication: mutual-tls,"
        + " authorization: role-based, encryption: transport, integrity: transport}\n");
    commit("Send follow-up summaries to the hospital EHR", "v2");

    JsonNode r = diff("v1", "v2");

    assertThat(r.get("modelChanges").findValuesAsText("id")).containsExactly("ehr", "to-ehr");
    assertThat(ids(r.get("impacted"))).startsWith("ehr", "to-ehr");
    assertThat(r.get("securityRelevant").asBoolean()).isTrue();
    assertThat(r.get("dataIntegrity").asBoolean()).as("the new flow carries health data").isTrue();
    assertThat(r.get("threats").findValuesAsText("id")).contains("health-data-disclosure-in-transit@to-ehr");
  }

  @Test
  void droppingEncryptionOnAFlowFailsTheGateWithExitCode1() throws Exception {
    write("vigie.yaml", MODEL.replace(
        "{id: to-portal, from: api, to: portal, protocol: https, assets: [vitals], authentication: multi-factor, authorization: role-based, encryption: transport, integrity: transport}",
        "{id: to-portal, from: api, to: portal, protocol: http, assets: [vitals], authentication: multi-factor, authorization: role-based, encryption: none, integrity: none}"));
    commit("Portal behind the hospital proxy: plain HTTP", "v2");

    JsonNode r = diff("v1", "v2");

    assertThat(r.get("gate").get("passed").asBoolean()).isFalse();
    assertThat(r.get("modelChanges").get(0).get("id").asText()).isEqualTo("to-portal");
    assertThat(r.get("modelChanges").get(0).get("fields").findValuesAsText("field")).containsExactly("protocol", "encryption", "integrity");
    assertThat(ids(r.get("impacted"))).containsExactly("to-portal", "portal");
    assertThat(r.get("gate").get("reasons").toString())
        .contains("unacceptable residual risk made worse: risk:health-data-disclosure-in-transit@to-portal (residual high -> critical)");
  }

  @Test
  void aDocumentationOnlyChangeSaysNothingSecurityRelevantChangedAndPasses() throws Exception {
    write("README.md", "# Post-op follow-up\n\nHow to install.\n");
    write("docs/install.md", "Install it.\n");
    commit("Docs", "v2");

    JsonNode r = diff("v1", "v2");

    assertThat(r.get("securityRelevant").asBoolean()).isFalse();
    assertThat(r.get("impacted")).isEmpty();
    assertThat(r.get("unmappedFiles").toString()).isEqualTo("[\"README.md\",\"docs/install.md\"]");
    assertThat(r.get("verdict").asText()).startsWith("No security-relevant change");
  }

  @Test
  void codeUnderTheSafetyCriticalAlertingEngineNeedsAReviewMarker() throws Exception {
    write("services/alerting/src/Rules.java", "class Rules { int threshold = 130; }\n");
    commit("Raise the heart-rate alert threshold", "v2");
    write("services/alerting/src/Rules.java", "class Rules { int threshold = 125; }\n");
    commit("Settle the threshold\n\nSecurity-Reviewed-By: A. Martin <am@example.com>", "v3");

    JsonNode unreviewed = diff("v1", "v2");
    assertThat(ids(unreviewed.get("impacted"))).containsExactly("alerting");
    assertThat(unreviewed.get("patientSafety").asBoolean()).isTrue();
    assertThat(unreviewed.get("gate").get("passed").asBoolean()).isFalse();
    assertThat(unreviewed.get("gate").get("reasons").get(0).asText()).contains("safety-relevant component 'alerting'");

    JsonNode reviewed = diff("v1", "v3");
    assertThat(reviewed.get("gate").get("passed").asBoolean()).isTrue();
  }

  @Test
  void aChangeToTheApiReachesThePortalAndTheAlertingEngineOneHopDownstream() throws Exception {
    write("services/api/src/Validation.java", "class Validation { boolean ok(String s) { return true; } }\n");
    commit("Relax input validation\n\nSecurity-Reviewed-By: B", "v2");

    JsonNode r = diff("v1", "v2");

    assertThat(ids(r.get("impacted"))).containsExactly("api", "alerting", "to-alerting", "portal", "to-portal");
    assertThat(r.get("impacted").get(3).get("reasons").get(0).asText()).isEqualTo("receives vitals from changed 'api' through flow 'to-portal'");
    JsonNode zero = diff("v1", "v2", "--depth", "0");
    assertThat(ids(zero.get("impacted"))).containsExactly("api");
  }

  @Test
  void renamesOfFilesAndOfModelElementsAreNotRemovalsAndAdditions() throws Exception {
    Files.move(repo.resolve("services/api/src/Validation.java"), repo.resolve("services/api/src/InputValidation.java"));
    String appLine = "  - {id: app, kind: mobile-app, zone: home, processes: [vitals], code: [\"apps/mobile/**\"]}\n";
    write("vigie.yaml", MODEL
        .replace(appLine, "")                                            // the app moves to the end of the list,
        .replace("  - {id: portal,", appLine + "  - {id: portal,")      // which is no change,
        .replace("{id: api, kind: api-service,", "{id: api, name: Follow-up API, kind: api-service,")); // and the API gets a name
    commit("Rename the validation class; name the API\n\nSecurity-Reviewed-By: C", "v2");

    JsonNode r = diff("v1", "v2");

    assertThat(r.get("files")).hasSize(1);
    JsonNode file = r.get("files").get(0);
    assertThat(file.get("path").asText()).isEqualTo("services/api/src/InputValidation.java");
    assertThat(file.get("oldPath").asText()).isEqualTo("services/api/src/Validation.java");
    assertThat(file.get("change").asText()).isEqualTo("renamed");
    assertThat(r.get("modelChanges")).hasSize(1);
    JsonNode api = r.get("modelChanges").get(0);
    assertThat(api.get("id").asText()).isEqualTo("api");
    assertThat(api.get("change").asText()).isEqualTo("changed");
    assertThat(api.get("fields").findValuesAsText("field")).containsExactly("name");
  }

  @Test
  void markdownIsTheDefaultAndReadsLikeAPullRequestComment() throws Exception {
    write("services/alerting/src/Rules.java", "class Rules { int threshold = 130; }\n");
    commit("Raise threshold", "v2");

    Cli r = Cli.run("diff", "v1", "v2", "--repo", repo.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("## Vigie change impact: `v1@").contains("**Gate: FAILED**", "| `alerting` component |", "⚠️ yes");
  }

  @Test
  void anUnknownRevisionIsAnInputErrorWithExitCode2() {
    Cli r = Cli.run("diff", "v1", "no-such-branch", "--repo", repo.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-branch: unknown revision");
  }

  @Test
  void checkComparesTheWorkingTreeWithTheMergeBaseOfTheTargetBranch() throws Exception {
    git.checkout().setCreateBranch(true).setName("feature/threshold").call();
    write("services/alerting/src/Rules.java", "class Rules { int threshold = 140; }\n");
    commit("Raise threshold", "f1");
    write("web/portal/src/index.ts", "export const x = 2;\n");           // uncommitted: still part of the change
    write("services/api/src/NewEndpoint.java", "class NewEndpoint {}\n"); // untracked: too

    Cli r = Cli.run("check", "--base", "main", "--repo", repo.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("head").asText()).isEqualTo("working tree");
    assertThat(json.get("files").findValuesAsText("path"))
        .containsExactly("services/alerting/src/Rules.java", "services/api/src/NewEndpoint.java", "web/portal/src/index.ts");
    assertThat(json.get("gate").get("reasons").get(0).asText()).contains("'alerting'");
  }

  @Test
  void twoFoldersCanBeComparedWithoutGit(@TempDir Path releases) throws IOException {
    Path a = releases.resolve("release-2.3");
    Path b = releases.resolve("release-2.4");
    for (Path p : List.of(a, b)) {
      Files.createDirectories(p.resolve("services/api"));
      Files.writeString(p.resolve("vigie.yaml"), MODEL);
      Files.writeString(p.resolve("services/api/Orders.java"), "class Orders {}\n");
    }
    Files.writeString(b.resolve("services/api/Orders.java"), "class Orders { int v = 2; }\n");
    Files.createDirectories(b.resolve("docs"));
    Files.writeString(b.resolve("docs/notes.md"), "notes\n");

    Cli r = Cli.run("diff", a.toString(), b.toString(), "--format", "json", "--depth", "0");

    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("files").findValuesAsText("path")).containsExactly("services/api/Orders.java");
    assertThat(json.get("unmappedFiles").toString()).isEqualTo("[\"docs/notes.md\"]");
    assertThat(ids(json.get("impacted"))).containsExactly("api");
    assertThat(r.code()).isZero();
  }

  /** The model, its API component naming sboms/api.cdx.json. */
  private void writeTheModelWithTheApisSbom() throws IOException {
    write("vigie.yaml", MODEL.replace("{id: api, kind: api-service, zone: hds, processes: [vitals], code: [\"services/api/**\"]}",
        "{id: api, kind: api-service, zone: hds, processes: [vitals], code: [\"services/api/**\"], sbom: sboms/api.cdx.json}"));
  }

  private static String bom(String log4jVersion, String jacksonVersion) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "components": [
           {"type": "library", "bom-ref": "log4j", "group": "org.apache.logging.log4j", "name": "log4j-core",
            "version": "%1$s", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@%1$s",
            "licenses": [{"license": {"id": "Apache-2.0"}}]},
           {"type": "library", "bom-ref": "jackson", "group": "com.fasterxml.jackson.core", "name": "jackson-databind",
            "version": "%2$s", "purl": "pkg:maven/com.fasterxml.jackson.core/jackson-databind@%2$s"}
         ]}
        """.formatted(log4jVersion, jacksonVersion);
  }

  @Test
  void aLibraryChangeInAComponentsSbomShowsOnThatComponentWithItsDirection() throws Exception {
    writeTheModelWithTheApisSbom();
    write("sboms/api.cdx.json", bom("2.17.1", "2.15.0"));
    commit("Add the API's SBOM", "v2");
    write("sboms/api.cdx.json", bom("2.14.1", "2.16.1"));   // log4j back to a Log4Shell version, jackson up
    commit("Align dependency versions\n\nSecurity-Reviewed-By: D", "v3");

    JsonNode r = diff("v2", "v3", "--depth", "0");

    JsonNode packages = r.get("packages");
    assertThat(packages).hasSize(2);
    assertThat(packages.get(0).get("name").asText()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
    assertThat(packages.get(0).get("change").asText()).isEqualTo("upgraded");
    assertThat(packages.get(1).get("name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(packages.get(1).get("change").asText()).isEqualTo("downgraded");
    assertThat(packages.get(1).get("versionBefore").asText()).isEqualTo("2.17.1");
    assertThat(packages.get(1).get("versionAfter").asText()).isEqualTo("2.14.1");
    assertThat(ids(r.get("impacted"))).containsExactly("api");
    assertThat(r.get("impacted").get(0).get("reasons").toString())
        .contains("third-party package org.apache.logging.log4j:log4j-core 2.17.1 -> 2.14.1 (downgraded) (sboms/api.cdx.json)");
  }

  @Test
  void anSbomTheChangeBringsWithAnUnresolvedUrlIsComparedAndItsWarningPrintedOnce() throws Exception {
    writeTheModelWithTheApisSbom();
    write("sboms/api.cdx.json", bom("2.17.1", "2.15.0"));
    commit("Add the API's SBOM", "v2");
    // What the cyclonedx-maven-plugin writes when a POM's URL holds a placeholder it did not resolve:
    // it breaks only the URL's format, and the SBOM is read (as scan reads it) with a warning.
    write("sboms/api.cdx.json", bom("2.17.2", "2.15.0").replace("\"specVersion\": \"1.5\"", "\"specVersion\": \"1.4\"")
        .replace("\"licenses\"", "\"externalReferences\": [{\"type\": \"issue-tracker\","
            + " \"url\": \"https://github.com/apache/${project.artifactId}/issues\"}], \"licenses\""));
    commit("Regenerate the SBOM with the Maven plugin\n\nSecurity-Reviewed-By: F", "v3");

    Cli r = Cli.run("diff", "v2", "v3", "--repo", repo.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("packages").get(0).get("versionAfter").asText()).isEqualTo("2.17.2");
    String warning = ":sboms/api.cdx.json: /components/0/externalReferences/0/url:";
    assertThat(r.err()).startsWith("warning: v3@").contains(warning,
        "(found \"https://github.com/apache/${project.artifactId}/issues\")", ":sboms/api.cdx.json was read anyway");
    assertThat(r.err().split(java.util.regex.Pattern.quote(warning), -1)).as("once, for the head only").hasSize(2);

    Cli back = Cli.run("diff", "v3", "v2", "--repo", repo.toString(), "--format", "json");
    assertThat(back.err()).as("the base's SBOM is not what the change brings").isEmpty();
  }

  @Test
  void bumpingALibraryToAKnownExploitedVersionFailsTheGateWhenADatabaseIsGiven(@TempDir Path db) throws Exception {
    Path data = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
    Cli imported = Cli.run("db", "import", "--db", db.toString(), "--osv", data.resolve("osv/GHSA-sample").toString(),
        "--kev", data.resolve("cisa-kev/known_exploited_vulnerabilities.json").toString(), "-q");
    assertThat(imported.code()).as(imported.err()).isZero();
    writeTheModelWithTheApisSbom();
    write("sboms/api.cdx.json", bom("2.17.1", "2.15.0"));
    commit("Add the API's SBOM", "v2");
    write("sboms/api.cdx.json", bom("2.14.1", "2.15.0"));
    commit("Pin log4j to the version of the old appliance\n\nSecurity-Reviewed-By: E", "v3");

    JsonNode r = diff("v2", "v3", "--db", db.toString());

    JsonNode log4j = r.get("packages").get(0);
    assertThat(log4j.get("name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(log4j.get("vulnerabilitiesAppeared").toString()).contains("CVE-2021-44228");
    assertThat(log4j.get("knownExploited").toString()).isEqualTo("[\"CVE-2021-44228\"]");
    assertThat(r.get("gate").get("passed").asBoolean()).isFalse();
    assertThat(r.get("gate").get("reasons").toString())
        .contains("known-exploited vulnerability CVE-2021-44228 comes with org.apache.logging.log4j:log4j-core 2.17.1 -> 2.14.1 (downgraded)");

    JsonNode back = diff("v3", "v2", "--db", db.toString());
    assertThat(back.get("packages").get(0).get("vulnerabilitiesDisappeared").toString()).contains("CVE-2021-44228");
    assertThat(back.get("gate").get("passed").asBoolean()).as("fixing a vulnerability passes").isTrue();
  }
}
