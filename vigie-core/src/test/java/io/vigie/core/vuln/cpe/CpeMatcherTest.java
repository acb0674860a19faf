package io.vigie.core.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.NotChecked;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpeMatcherTest {
  private static final String WOLFSSL_ANY = "cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:*";

  private static CpeMatchCriterion endExcluding(String criteria, String end) {
    return new CpeMatchCriterion(true, criteria, Cpe.parse(criteria), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(end));
  }

  private static NvdCve cve(String id, String status, List<CpeConfiguration> configs) {
    return new NvdCve(id, Optional.empty(), Instant.parse("2026-06-17T04:33:48Z"), status, id + " description",
        List.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N"), List.of("CWE-295"), configs, "nvdcve-2.0-2022.json", id);
  }

  private static List<CpeConfiguration> config(CpeNode... nodes) {
    return List.of(new CpeConfiguration(nodes.length > 1 ? Optional.of(CpeNode.Operator.AND) : Optional.empty(), false, List.of(nodes)));
  }

  private static CpeNode or(CpeMatchCriterion... c) {
    return new CpeNode(CpeNode.Operator.OR, false, List.of(c));
  }

  private final List<NvdCve> nvd = List.of(
      cve("CVE-2022-25638", "Modified", config(or(endExcluding(WOLFSSL_ANY, "5.2.0")))),
      cve("CVE-2021-38597", "Modified", config(or(endExcluding(WOLFSSL_ANY, "4.8.1")))),
      cve("CVE-2099-0002", "Analyzed", config(or(endExcluding(WOLFSSL_ANY, "5.0.0")),
          or(CpeMatchCriterion.of(false, "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*")))),
      cve("CVE-2099-0005", "Rejected", config(or(CpeMatchCriterion.of(true, WOLFSSL_ANY)))));

  private final CpeCandidateSource source = (vendor, product) -> nvd.stream()
      .filter(c -> c.configurations().stream().flatMap(x -> x.nodes().stream()).flatMap(n -> n.cpeMatch().stream())
          .anyMatch(m -> m.cpe().vendor().bound().equals(vendor) && m.cpe().product().bound().equals(product)))
      .toList();

  private static SbomComponent component(String name, String version, String supplier, String cpe) {
    return new SbomComponent(name, Optional.of("firmware"), Optional.empty(), name, Optional.ofNullable(version),
        Optional.of("pkg:github/wolfssl/wolfssl"), Optional.ofNullable(cpe), List.of(), List.of(),
        Optional.ofNullable(supplier), Optional.empty(), Optional.empty());
  }

  @Test
  void theSbomsOwnCpeMatchesAtMediumConfidenceAndSaysWhy() {
    SbomComponent wolf = component("WolfSSL", "4.8.1", "wolfSSL", "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    CpeMatchResult r = new CpeMatcher(source, CpeMode.SBOM).match(List.of(wolf), List.of(wolf));

    assertThat(r.matches()).extracting(VulnerabilityMatch::id).containsExactly("CVE-2022-25638", "CVE-2099-0002");
    VulnerabilityMatch m = r.matches().get(0);
    VulnerabilityMatch.Provenance p = m.provenance().get(0);
    assertThat(p.method()).isEqualTo(MatchMethod.CPE);
    assertThat(p.confidence()).isEqualTo(MatchConfidence.MEDIUM);
    assertThat(p.record()).isEqualTo("CVE-2022-25638 configurations[0].nodes[0].cpeMatch[0]");
    assertThat(p.rule()).isEqualTo("CPE cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:* from the SBOM matches"
        + " configurations[0].nodes[0].cpeMatch[0] " + WOLFSSL_ANY + " versionEndExcluding 5.2.0 (vulnerable):"
        + " version 4.8.1 < 5.2.0 (versionEndExcluding)");
    assertThat(m.cvssVectors()).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N");
    assertThat(r.checked()).containsExactly("WolfSSL");
    assertThat(r.notChecked()).isEmpty();
  }

  @Test
  void aPlatformTheSbomDoesNotShowLowersTheMatchToLowAndSaysSo() {
    SbomComponent wolf = component("WolfSSL", "4.8.1", "wolfSSL", "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    VulnerabilityMatch onWindows = new CpeMatcher(source, CpeMode.SBOM).match(List.of(wolf), List.of(wolf)).matches().get(1);
    assertThat(onWindows.confidence()).isEqualTo(MatchConfidence.LOW);
    assertThat(onWindows.provenance().get(0).rule()).endsWith("the configuration also needs"
        + " cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:* (platform, not itself vulnerable), which the SBOM does not show:"
        + " confidence lowered to low");
  }

  @Test
  void aVersionOutsideTheRangeAndARejectedRecordDoNotMatch() {
    SbomComponent wolf = component("WolfSSL", "4.8.1", "wolfSSL", "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    assertThat(new CpeMatcher(source, CpeMode.SBOM).match(List.of(wolf), List.of(wolf)).matches())
        .extracting(VulnerabilityMatch::id).doesNotContain("CVE-2021-38597", "CVE-2099-0005");
  }

  @Test
  void aGuessedCpeMatchesOnlyAtLowConfidenceAndOnlyWhenAsked() {
    SbomComponent noCpe = component("WolfSSL", "4.8.1", "wolfSSL", null);
    CpeMatchResult sbomOnly = new CpeMatcher(source, CpeMode.SBOM).match(List.of(noCpe), List.of(noCpe));
    assertThat(sbomOnly.matches()).isEmpty();
    assertThat(sbomOnly.notChecked()).extracting(NotChecked::reason).containsExactly(
        "no CPE in the SBOM (--cpe guess builds one from the supplier and name, at low confidence)");

    CpeMatchResult guessed = new CpeMatcher(source, CpeMode.GUESS).match(List.of(noCpe), List.of(noCpe));
    assertThat(guessed.matches()).extracting(VulnerabilityMatch::id).containsExactly("CVE-2022-25638", "CVE-2099-0002");
    assertThat(guessed.matches()).allSatisfy(m -> assertThat(m.confidence()).isEqualTo(MatchConfidence.LOW));
    assertThat(guessed.matches().get(0).provenance().get(0).rule())
        .startsWith("CPE cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:* guessed from supplier 'wolfSSL' and name 'WolfSSL' matches");
  }

  @Test
  void aMalformedCpeInTheSbomIsReportedNotGuessedAround() {
    SbomComponent bad = component("WolfSSL", "4.8.1", "wolfSSL", "cpe:2.3:a:wolfssl:wolfssl:4.8.1");
    CpeMatchResult r = new CpeMatcher(source, CpeMode.GUESS).match(List.of(bad), List.of(bad));
    assertThat(r.matches()).isEmpty();
    assertThat(r.checked()).isEmpty();
    assertThat(r.notChecked().get(0).reason()).contains("not a valid CPE").contains("11 attributes");
  }

  @Test
  void offMatchesNothingAndChecksNothing() {
    SbomComponent wolf = component("WolfSSL", "4.8.1", "wolfSSL", "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:*:*:*");
    CpeMatchResult r = new CpeMatcher(source, CpeMode.OFF).match(List.of(wolf), List.of(wolf));
    assertThat(r.matches()).isEmpty();
    assertThat(r.checked()).isEmpty();
  }

  @Test
  void aComponentWithAnUnorderableVersionIsNotCheckedWithTheReason() {
    SbomComponent fatfs = component("fatFS", "0.13c", "ChaN", "cpe:2.3:a:chan:fatfs:r0.13:*:*:*:*:*:*:*");
    CpeCandidateSource fatfsSource = (v, p) -> List.of(cve("CVE-2099-0004", "Analyzed",
        config(or(endExcluding("cpe:2.3:a:chan:fatfs:*:*:*:*:*:*:*:*", "0.15")))));
    CpeMatchResult r = new CpeMatcher(fatfsSource, CpeMode.SBOM).match(List.of(fatfs), List.of(fatfs));
    assertThat(r.checked()).isEmpty();
    assertThat(r.notChecked().get(0).reason()).startsWith("CPE: 1 NVD record(s) could not be evaluated: CVE-2099-0004")
        .contains("'r0.13' and '0.15'");
  }
}
