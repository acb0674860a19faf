package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie db import --csaf} with CISA's real medical advisories, then {@code vigie scan} of a
 * vital-signs gateway whose SBOM embeds Hillrom's Welch Allyn SDK, named in ICSMA-21-152-01
 * ("versions prior to v3.2", CVE-2021-27410 and CVE-2021-27408).
 */
class CsafScanTest {
  static final Path DATA = Path.of(System.getProperty("vigie.repo.root"), "..", "shared", "data");
  @TempDir static Path dir;
  static Cli imported;

  @BeforeAll
  static void importTheIcsmaAdvisories() {
    assertThat(DATA.resolve("cisa-csaf/icsma")).as("real public data in ../shared/data (see its README)").isDirectory();
    imported = Cli.run("db", "import", "--db", dir.resolve("db").toString(), "--csaf", DATA.resolve("cisa-csaf/icsma").toString(), "-q");
  }

  @Test
  void importAndStatusShowTheCsafCounts() {
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported csaf from", "icsma: 144 records, 0 skipped");
    Cli status = Cli.run("db", "status", "--db", dir.resolve("db").toString());
    assertThat(status.out()).contains("CSAF advisories: 144 (433 vulnerabilities)", "csaf");
  }

  @Test
  void theAffectedSdkIsFoundWithTheVendorFixAndTheFixedOneIsNot() throws IOException {
    JsonNode json = scan(gateway("1.0.0", "3.1.0"));

    List<String> found = new ArrayList<>();
    json.get("vulnerabilities").forEach(v -> found.add(v.get("componentName").asText() + " " + v.get("id").asText() + " "
        + v.get("confidence").asText()));
    assertThat(found).containsExactly(
        "Welch Allyn Connex Central Station (CS)@1.8.3 CVE-2021-27408 low",
        "Welch Allyn Connex Central Station (CS)@1.8.3 CVE-2021-27410 low",
        "Welch Allyn Software Development Kit (SDK)@3.1.0 CVE-2021-27408 medium",
        "Welch Allyn Software Development Kit (SDK)@3.1.0 CVE-2021-27410 medium");
    JsonNode sdk = json.get("vulnerabilities").get(3);
    assertThat(sdk.get("summary").asText()).isEqualTo("Hillrom Medical Device Management (Update B)");
    assertThat(sdk.get("cvssVector").asText()).isEqualTo("CVSS:3.0/AV:A/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:L");
    JsonNode p = sdk.get("provenance").get(0);
    assertThat(p.get("advisory").asText()).isEqualTo("ICSMA-21-152-01");
    assertThat(p.get("source").asText()).isEqualTo("icsma (publisher https://www.cisa.gov/)");
    assertThat(p.get("record").asText()).isEqualTo("icsma-21-152-01.json");
    assertThat(p.get("method").asText()).isEqualTo("csaf-product");
    assertThat(p.get("rule").asText()).startsWith("CSAF product CSAFPID-0006 'Welch Allyn Software Development Kit (SDK):"
            + " versions prior to v3.2' (Hillrom / Welch Allyn Software Development Kit (SDK) / < 3.2), known_affected:"
            + " identified by vendor and product name (supplier 'Hillrom, Inc.' is vendor 'Hillrom', name 'Welch Allyn"
            + " Software Development Kit (SDK)' is product 'Welch Allyn Software Development Kit (SDK)');"
            + " version 3.1.0 is in '< 3.2' (dotted-numeric order);"
            + " remediation vendor fix: Welch Allyn Software Development Kit (SDK): v3.2;")
        .contains("remediation vendor fix: Hillrom recommends users to upgrade to the latest versions of their products."
            + " Information on how to update these products to their new versions can be found on the Hillrom disclosure page."
            + " (https://www.hillrom.com/en/responsible-disclosures/)",
            "remediation mitigation: Apply proper network and physical security controls.");
    JsonNode station = json.get("vulnerabilities").get(0);
    assertThat(station.get("provenance").get(0).get("rule").asText()).contains("CSAF product CSAFPID-0004",
        "version not checked: version text '< 1.8.4 Service Pack 01' cannot be evaluated: '1.8.4 Service Pack 01' is not a single version",
        "check by hand");
    assertThat(json.get("gate").get("passed").asBoolean()).as("no KEV, no critical, low matches do not gate").isTrue();
  }

  @Test
  void theNextReleaseWithSdk32HasOnlyTheUncheckedStation() throws IOException {
    JsonNode json = scan(gateway("1.1.0", "3.2"));
    assertThat(json.get("vulnerabilities").findValuesAsText("componentName"))
        .containsOnly("Welch Allyn Connex Central Station (CS)@1.8.3");
  }

  private JsonNode scan(Path sbom) throws IOException {
    Cli r = Cli.run("scan", "--db", dir.resolve("db").toString(), "--format", "json", "--max-age-days", "99999",
        "--sbom", sbom.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  /** A CycloneDX 1.6 SBOM of a vital-signs gateway: Hillrom's SDK and Central Station, and an open-source library. */
  private static Path gateway(String release, String sdkVersion) throws IOException {
    Path file = dir.resolve("vitals-gateway-" + release + ".cdx.json");
    Files.writeString(file, """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b7%s",
         "metadata": {"component": {"bom-ref": "gateway", "type": "device", "name": "Acme VitalsHub gateway", "version": "%s",
                      "supplier": {"name": "Acme Medical"}}},
         "components": [
           {"bom-ref": "wa-sdk", "type": "library", "name": "Welch Allyn Software Development Kit (SDK)", "version": "%s",
            "supplier": {"name": "Hillrom, Inc."}},
           {"bom-ref": "wa-cs", "type": "application", "name": "Welch Allyn Connex Central Station (CS)", "version": "1.8.3",
            "manufacturer": {"name": "Hillrom"}},
           {"bom-ref": "zlib", "type": "library", "name": "zlib", "version": "1.3.1", "purl": "pkg:generic/zlib@1.3.1",
            "supplier": {"name": "zlib"}}
         ]}
        """.formatted(release.replace(".", "").substring(0, 1), release, sdkVersion));
    return file;
  }
}
