package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie scan --cpe} on the real medical-device SBOM (../shared/data) against the NVD
 * fixtures of vigie-formats (real wolfSSL and NXP records, and labelled false-positive traps; see
 * their README).
 */
class CpeScanCommandTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  static final Path MEDICAL = DATA.resolve("sbom/medical-device-case-study/narrow.sbom.json");
  static final Path NVD = Path.of(System.getProperty("vigie.repo.root"), "vigie-formats/src/test/resources/nvd");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path db;

  @BeforeAll
  static void importTheNvdFixtures() {
    assertThat(MEDICAL).as("the real medical-device SBOM in ../shared/data").isRegularFile();
    Cli r = Cli.run("db", "import", "--db", db.toString(), "-q", "--nvd", NVD.resolve("medical-device-real.json").toString(),
        NVD.resolve("medical-device-traps.json").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported nvd", "5 records, 0 skipped");
  }

  private static JsonNode scan(Path sbom, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "--db", db.toString(), "--format", "json", "--max-age-days", "9999",
        "--sbom", sbom.toString()));
    args.addAll(List.of(extra));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  private static List<String> notChecked(JsonNode scan) {
    List<String> out = new ArrayList<>();
    scan.get("notChecked").forEach(n -> out.add(n.get("name").asText()));
    return out;
  }

  private static List<JsonNode> findings(JsonNode scan, String componentName) {
    List<JsonNode> out = new ArrayList<>();
    scan.get("vulnerabilities").forEach(v -> {
      if (v.get("componentName").asText().equals(componentName)) {
        out.add(v);
      }
    });
    return out;
  }

  @Test
  void withoutCpeTheFirmwareStaysNotChecked() throws IOException {
    JsonNode s = scan(MEDICAL);
    assertThat(s.get("vulnerabilities")).isEmpty();
    assertThat(notChecked(s)).contains("NXP SDK@2.9.0", "WolfSSL@4.8.1", "fatFS@0.13c", "Qualcomm Atheros QCA9563");
  }

  @Test
  void withTheSbomsCpesWolfSsl481GetsTheRecordsThatApplyEachExplained() throws IOException {
    JsonNode s = scan(MEDICAL, "--cpe", "sbom");

    List<JsonNode> wolf = findings(s, "WolfSSL@4.8.1");
    assertThat(wolf).extracting(v -> v.get("id").asText())
        .containsExactly("CVE-2021-44718", "CVE-2022-25638", "CVE-2099-0002");
    JsonNode certificateBypass = wolf.get(1);
    assertThat(certificateBypass.get("confidence").asText()).isEqualTo("medium");
    JsonNode p = certificateBypass.get("provenance").get(0);
    assertThat(p.get("method").asText()).isEqualTo("cpe");
    assertThat(p.get("source").asText()).isEqualTo("medical-device-real.json");
    assertThat(p.get("record").asText()).isEqualTo("CVE-2022-25638 configurations[0].nodes[0].cpeMatch[0]");
    assertThat(p.get("rule").asText()).isEqualTo("CPE cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:* from the SBOM matches"
        + " configurations[0].nodes[0].cpeMatch[0] cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:* versionEndExcluding 5.2.0"
        + " (vulnerable): version 4.8.1 < 5.2.0 (versionEndExcluding)");
    assertThat(certificateBypass.get("cvss").asDouble()).isEqualTo(6.5);
    assertThat(wolf.get(0).get("confidence").asText()).isEqualTo("medium");
    assertThat(wolf.get(0).get("provenance").get(0).get("rule").asText()).endsWith("version 4.8.1 <= 5.0.0 (versionEndIncluding)");

    // The AND configuration "running on Windows": kept, but low, and the rule says why.
    assertThat(wolf.get(2).get("confidence").asText()).isEqualTo("low");
    assertThat(wolf.get(2).get("provenance").get(0).get("rule").asText())
        .contains("which the SBOM does not show: confidence lowered to low");

    // Fixed in 4.8.1 (CVE-2021-38597), a range ending at 4.8.0 (CVE-2021-37155), wolfMQTT, a rejected record: no.
    assertThat(s.get("vulnerabilities").findValuesAsText("id"))
        .doesNotContain("CVE-2021-38597", "CVE-2021-37155", "CVE-2099-0001", "CVE-2099-0003", "CVE-2099-0005", "CVE-2021-38258");
    // Checked by CPE: off the not-checked list. FatFs: its version cannot be ordered against the record: stays, with why.
    assertThat(notChecked(s)).doesNotContain("WolfSSL@4.8.1", "NXP SDK@2.9.0", "Qualcomm Atheros QCA9563").contains("fatFS@0.13c");
    JsonNode fatfs = null;
    for (JsonNode n : s.get("notChecked")) {
      if (n.get("name").asText().equals("fatFS@0.13c")) {
        fatfs = n;
      }
    }
    assertThat(fatfs.get("reason").asText()).contains("CVE-2099-0004", "'r0.13' and '0.15' cannot be ordered");
    assertThat(s.get("gate").get("passed").asBoolean()).isTrue();
  }

  @Test
  void aGuessedCpeGivesLowMatchesThatNeverFailTheGateWhereTheSbomsOwnCpeDoes(@TempDir Path tmp) throws IOException {
    // TEST ONLY: a KEV catalog listing CVE-2022-25638 (the real catalog does not), so that a MEDIUM match fails the gate.
    Path kev = tmp.resolve("kev.json");
    Files.writeString(kev, """
        {"title":"test-only catalog","catalogVersion":"test","dateReleased":"2026-11-28T00:00:00.000Z","count":1,
         "vulnerabilities":[{"cveID":"CVE-2022-25638","vendorProject":"wolfSSL","product":"wolfSSL",
           "vulnerabilityName":"TEST FIXTURE, not in the real catalog","dateAdded":"2026-11-01","shortDescription":"test",
           "requiredAction":"test","dueDate":"2026-11-22","knownRansomwareCampaignUse":"Unknown","notes":"test fixture"}]}
        """);
    Path kevDb = tmp.resolve("db");
    assertThat(Cli.run("db", "import", "--db", kevDb.toString(), "-q", "--kev", kev.toString(), "--nvd",
        NVD.resolve("medical-device-real.json").toString(), NVD.resolve("medical-device-traps.json").toString()).code()).isZero();

    Cli sbomMode = Cli.run("scan", "--db", kevDb.toString(), "--max-age-days", "9999", "--cpe", "sbom", "--sbom", MEDICAL.toString());
    assertThat(sbomMode.code()).as("a MEDIUM known-exploited match fails the gate").isEqualTo(1);
    assertThat(sbomMode.out()).contains("CVE-2022-25638 in WolfSSL@4.8.1 is known exploited");

    // The same SBOM without the SBOM's CPEs: only a guess from supplier and name is left.
    ObjectNode bom = (ObjectNode) JSON.readTree(MEDICAL.toFile());
    bom.get("components").forEach(c -> ((ObjectNode) c).remove("cpe"));
    Path noCpe = tmp.resolve("narrow-without-cpe.json");
    JSON.writeValue(noCpe.toFile(), bom);

    Cli sbomOnly = Cli.run("scan", "--db", kevDb.toString(), "--format", "json", "--max-age-days", "9999", "--cpe", "sbom",
        "--sbom", noCpe.toString());
    assertThat(JSON.readTree(sbomOnly.out()).get("vulnerabilities")).isEmpty();

    Cli guess = Cli.run("scan", "--db", kevDb.toString(), "--format", "json", "--max-age-days", "9999", "--cpe", "guess",
        "--sbom", noCpe.toString());
    JsonNode s = JSON.readTree(guess.out());
    List<JsonNode> wolf = findings(s, "WolfSSL@4.8.1");
    assertThat(wolf).extracting(v -> v.get("id").asText()).containsExactly("CVE-2021-44718", "CVE-2022-25638", "CVE-2099-0002");
    assertThat(wolf).allSatisfy(v -> assertThat(v.get("confidence").asText()).isEqualTo("low"));
    assertThat(wolf.get(1).get("knownExploited").asBoolean()).isTrue();
    assertThat(wolf.get(1).get("provenance").get(0).get("rule").asText())
        .startsWith("CPE cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:* guessed from supplier 'wolfSSL' and name 'WolfSSL'");
    assertThat(guess.code()).as("LOW matches never fail the gate by themselves").isZero();
    assertThat(s.get("gate").get("passed").asBoolean()).isTrue();
  }

  @Test
  void statusShowsTheNvdCounts() {
    assertThat(Cli.run("db", "status", "--db", db.toString()).out())
        .contains("NVD CVE records: 10 (1 rejected), CPE criteria: 12 (10 vulnerable)", "nvd");
  }

  @Test
  void cpeWithoutNvdDataWarnsAndChecksNothing(@TempDir Path empty) throws IOException {
    Cli r = Cli.run("scan", "--db", empty.resolve("db").toString(), "--format", "json", "--cpe", "sbom", "--sbom", MEDICAL.toString());
    assertThat(r.err()).contains("no NVD data is imported");
    assertThat(JSON.readTree(r.out()).get("notChecked").toString()).contains("WolfSSL@4.8.1", "CPE: no NVD data imported");
  }

  @Test
  void anUnknownModeIsAUsageError() {
    Cli r = Cli.run("scan", "--db", db.toString(), "--cpe", "fuzzy", "--sbom", MEDICAL.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--cpe");
  }
}
