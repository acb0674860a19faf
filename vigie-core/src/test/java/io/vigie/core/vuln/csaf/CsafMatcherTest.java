package io.vigie.core.vuln.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Matching SBOM components to CSAF products: by package URL and CPE (HIGH), by vendor and name
 * (MEDIUM), untestable versions (LOW, explained), and only affected statuses.
 */
class CsafMatcherTest {

  // A small advisory in the shape of a vendor's own CSAF feed (package URL and CPE helpers).
  private static final CsafProduct GATEWAY_OLD = new CsafProduct("GW-2.4", "Acme InfuLink gateway library 2.4.x",
      Optional.of("Acme Medical"), Optional.of("InfuLink gateway library"), Optional.empty(),
      Optional.of("vers:maven/>=2.4.0|<2.4.7"), Optional.of("pkg:maven/com.acme.infulink/gateway-lib"), Optional.empty());
  private static final CsafProduct GATEWAY_FIXED = new CsafProduct("GW-2.4.7", "Acme InfuLink gateway library 2.4.7",
      Optional.of("Acme Medical"), Optional.of("InfuLink gateway library"), Optional.of("2.4.7"), Optional.empty(),
      Optional.of("pkg:maven/com.acme.infulink/gateway-lib@2.4.7"), Optional.empty());
  private static final CsafProduct FIRMWARE = new CsafProduct("FW-5", "Acme InfuLink pump firmware 5.1",
      Optional.of("Acme Medical"), Optional.of("InfuLink pump firmware"), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.of("cpe:2.3:o:acme:infulink_pump_firmware:5.1:*:*:*:*:*:*:*"));
  private static final CsafProduct MONITOR = new CsafProduct("MON", "Acme Bedside Monitor: versions before 2.4A",
      Optional.of("Acme Medical, Inc."), Optional.of("Bedside Monitor"), Optional.empty(), Optional.of("<= 2.4A"),
      Optional.empty(), Optional.empty());
  private static final CsafProduct MONITOR_FIXED = new CsafProduct("MON-3", "Acme Bedside Monitor 3.0",
      Optional.of("Acme Medical, Inc."), Optional.of("Bedside Monitor"), Optional.of("3.0"), Optional.empty(),
      Optional.empty(), Optional.empty());

  private static final CsafVulnerability CVE = new CsafVulnerability(Optional.of("CVE-2026-0001"), "Missing Authentication",
      List.of("CWE-306"),
      new CsafProductStatus(List.of("GW-2.4", "MON"), List.of(), List.of("FW-5"), List.of("GW-2.4.7", "MON-3"), List.of(), List.of()),
      List.of(new CsafVulnerability.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", List.of("GW-2.4", "FW-5", "MON"))),
      List.of(new CsafRemediation("vendor_fix", "Update the gateway library to 2.4.7.", Optional.of("https://acme.example/psirt/1"),
              List.of("GW-2.4")),
          new CsafRemediation("workaround", "Disable the remote programming port.", Optional.empty(), List.of("FW-5", "MON"))));
  private static final CsafVulnerability INVESTIGATING = new CsafVulnerability(Optional.of("CVE-2026-0002"), "Under study",
      List.of(), new CsafProductStatus(List.of(), List.of(), List.of(), List.of(), List.of("FW-5"), List.of("GW-2.4", "MON")),
      List.of(), List.of());
  private static final CsafAdvisory ACME = new CsafAdvisory("ACME-2026-001", "3", "Acme InfuLink vulnerabilities", "Acme PSIRT", "https://acme.example",
      Instant.parse("2026-11-01T00:00:00Z"), List.of(GATEWAY_OLD, GATEWAY_FIXED, FIRMWARE, MONITOR, MONITOR_FIXED),
      List.of(CVE, INVESTIGATING), "acme", "acme-2026-001.json");

  private static SbomComponent component(String ref, String supplier, String name, String version, String purl, String cpe) {
    return new SbomComponent(ref, Optional.of("library"), Optional.empty(), name, Optional.ofNullable(version),
        Optional.ofNullable(purl), Optional.ofNullable(cpe), List.of(), List.of(), Optional.ofNullable(supplier),
        Optional.empty(), Optional.empty());
  }

  private static List<VulnerabilityMatch> match(SbomComponent... components) {
    return new CsafMatcher(CsafAdvisorySource.of(List.of(ACME))).match(List.of(components)).matches();
  }

  @Test
  void aPackageUrlInTheProductsVersRangeIsHighConfidenceWithTheVendorFix() {
    List<VulnerabilityMatch> m = match(component("gw", null, "gateway-lib", null, "pkg:maven/com.acme.infulink/gateway-lib@2.4.3", null));

    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.id()).isEqualTo("CVE-2026-0001");
      assertThat(x.version()).isEqualTo("2.4.3");
      assertThat(x.cvssVectors()).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
      assertThat(x.summary()).isEqualTo("Acme InfuLink vulnerabilities: Missing Authentication");
      VulnerabilityMatch.Provenance p = x.provenance().get(0);
      assertThat(p.advisory()).isEqualTo("ACME-2026-001");
      assertThat(p.record()).isEqualTo("acme-2026-001.json");
      assertThat(p.method()).isEqualTo(MatchMethod.CSAF_PRODUCT);
      assertThat(p.confidence()).isEqualTo(MatchConfidence.HIGH);
      assertThat(p.rule()).isEqualTo("CSAF product GW-2.4 'Acme InfuLink gateway library 2.4.x' (Acme Medical / InfuLink"
          + " gateway library / vers:maven/>=2.4.0|<2.4.7), known_affected: identified by package URL"
          + " pkg:maven/com.acme.infulink/gateway-lib; version 2.4.3 is in 'vers:maven/>=2.4.0|<2.4.7' (Maven order);"
          + " remediation vendor fix: Update the gateway library to 2.4.7. (https://acme.example/psirt/1)");
    });
  }

  @Test
  void theFixedVersionAndVersionsOutsideTheRangeMatchNothing() {
    assertThat(match(component("gw", null, "gateway-lib", "2.4.7", "pkg:maven/com.acme.infulink/gateway-lib@2.4.7", null))).isEmpty();
    assertThat(match(component("gw", null, "gateway-lib", "2.3.9", "pkg:maven/com.acme.infulink/gateway-lib@2.3.9", null))).isEmpty();
    assertThat(match(component("gw", null, "gateway-lib", "2.4.3", "pkg:maven/com.other/gateway-lib@2.4.3", null))).isEmpty();
  }

  @Test
  void aCpeIsComparedByItsPartsNotAsAString() {
    // CPE 2.2 URI binding, other case, against the product's CPE 2.3 formatted string; last_affected counts as affected.
    List<VulnerabilityMatch> m = match(component("fw", null, "pump-firmware", "5.1", null, "cpe:/o:ACME:InfuLink_Pump_Firmware:5.1"));
    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.confidence()).isEqualTo(MatchConfidence.HIGH);
      assertThat(x.provenance().get(0).rule()).contains("CSAF product FW-5", "last_affected", "identified by CPE acme:infulink_pump_firmware",
          "version 5.1 is the version '5.1' names", "remediation workaround: Disable the remote programming port.");
    });
    assertThat(match(component("fw", null, "pump-firmware", "5.2", null, "cpe:2.3:o:acme:infulink_pump_firmware:5.2:*:*:*:*:*:*:*"))).isEmpty();
    assertThat(match(component("fw", null, "pump-firmware", "5.1", null, "cpe:2.3:a:acme:infulink_pump_firmware:5.1:*:*:*:*:*:*:*")))
        .as("an application is not the operating system of the same name").isEmpty();
  }

  @Test
  void vendorAndNameAreMediumAndAnUntestableRangeIsLowWithTheReason() {
    List<VulnerabilityMatch> m = match(component("mon", "ACME MEDICAL", "Bedside-Monitor", "2.3", null, null));
    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.confidence()).isEqualTo(MatchConfidence.LOW);
      assertThat(x.provenance().get(0).rule()).contains("CSAF product MON 'Acme Bedside Monitor: versions before 2.4A'",
          "identified by vendor and product name (supplier 'ACME MEDICAL' is vendor 'Acme Medical, Inc.', name 'Bedside-Monitor'",
          "version not checked: version text '<= 2.4A' cannot be evaluated", "check by hand");
    });
    // 3.0 is listed as fixed: the untestable range does not flag it.
    assertThat(match(component("mon", "Acme Medical", "Bedside Monitor", "3.0", null, null))).isEmpty();
    // No supplier, no vendor in the name: a product name alone is not an identity.
    assertThat(match(component("mon", null, "Bedside Monitor", "2.3", null, null))).isEmpty();
    assertThat(match(component("mon", "Other Corp", "Bedside Monitor", "2.3", null, null))).isEmpty();
  }

  @Test
  void theVendorInTheComponentNameIsEnoughAndItsVersionIsTestedMedium() {
    List<VulnerabilityMatch> m = match(component("gw", null, "Acme Medical InfuLink Gateway Library", "2.4.1", null, null));
    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.confidence()).isEqualTo(MatchConfidence.MEDIUM);
      assertThat(x.provenance().get(0).rule()).contains("identified by vendor and product name", "version 2.4.1 is in");
    });
  }

  @Test
  void underInvestigationAndNotAffectedNeverMatch() {
    List<VulnerabilityMatch> m = match(
        component("gw", null, "gateway-lib", "2.4.3", "pkg:maven/com.acme.infulink/gateway-lib@2.4.3", null),
        component("fw", null, "pump-firmware", "5.1", null, "cpe:2.3:o:acme:infulink_pump_firmware:5.1:*:*:*:*:*:*:*"));
    assertThat(m).extracting(VulnerabilityMatch::id).containsOnly("CVE-2026-0001");
  }
}
