package io.vigie.core.sbom;

import static io.vigie.core.sbom.FdaElement.DEPENDENCY_RELATIONSHIP;
import static io.vigie.core.sbom.FdaElement.END_OF_SUPPORT;
import static io.vigie.core.sbom.FdaElement.KNOWN_VULNERABILITIES;
import static io.vigie.core.sbom.FdaElement.LEVEL_OF_SUPPORT;
import static io.vigie.core.sbom.FdaElement.SBOM_AUTHOR;
import static io.vigie.core.sbom.FdaElement.SUPPLIER;
import static io.vigie.core.sbom.FdaElement.TIMESTAMP;
import static io.vigie.core.sbom.FdaElement.UNIQUE_IDENTIFIER;
import static io.vigie.core.sbom.FdaElement.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SbomCompletenessTest {
  private static final SbomComponent COMPLETE =
      SbomFixtures.component("c1", "wolfssl", "4.8.1", "pkg:github/wolfssl/wolfssl@4.8.1", "wolfSSL Inc.");
  private static final SbomComponent BARE = SbomFixtures.component("c2", "FatFs", "", null, null);

  private static Sbom minimal() {
    return SbomFixtures.sbom(List.of(COMPLETE, BARE), List.of(new Dependency("c1", List.of())),
        List.of("Organization: Acme Medical"), Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void listsMissingSupplierVersionIdentifierAndDependencyPerComponent() {
    CompletenessReport report = SbomCompleteness.check(minimal(), Map.of(), Optional.empty());

    ComponentCompleteness bare = report.components().get(1);
    assertThat(bare.ref()).isEqualTo("c2");
    assertThat(bare.version()).isEmpty();
    assertThat(bare.missing()).containsExactly(SUPPLIER, VERSION, UNIQUE_IDENTIFIER, DEPENDENCY_RELATIONSHIP,
        LEVEL_OF_SUPPORT, END_OF_SUPPORT, KNOWN_VULNERABILITIES);
    assertThat(report.components().get(0).missing()).containsExactly(LEVEL_OF_SUPPORT, END_OF_SUPPORT, KNOWN_VULNERABILITIES);
    assertThat(report.isComplete()).isFalse();
  }

  @Test
  void totalsArePercentagesOfComponents() {
    CompletenessReport report = SbomCompleteness.check(minimal(), Map.of(), Optional.empty());

    assertThat(report.total(SUPPLIER).percentComplete()).isEqualTo(50.0);
    assertThat(report.total(FdaElement.NAME).percentComplete()).isEqualTo(100.0);
    assertThat(report.total(SBOM_AUTHOR).present()).isEqualTo(2);
    assertThat(report.total(KNOWN_VULNERABILITIES).percentComplete()).isZero();
    assertThat(report.totals()).hasSize(FdaElement.values().length);
  }

  @Test
  void takesSupportAndVulnerabilityStatusFromSideInputsByRefPurlOrNameAndVersion() {
    Map<String, SupportInfo> support = Map.of(
        "pkg:github/wolfssl/wolfssl@4.8.1", new SupportInfo(SupportLevel.SUPPORTED, Optional.of(LocalDate.of(2028, 12, 31))),
        "FatFs", new SupportInfo(SupportLevel.UNKNOWN, Optional.empty()));
    Map<String, KnownVulnerabilities> vulns = Map.of("c1", new KnownVulnerabilities(List.of()));

    CompletenessReport report = SbomCompleteness.check(minimal(), support, Optional.of(vulns));

    assertThat(report.components().get(0).isComplete()).isTrue();
    // "unknown" is an honest answer but does not satisfy the element.
    assertThat(report.components().get(1).missing()).contains(LEVEL_OF_SUPPORT, END_OF_SUPPORT, KNOWN_VULNERABILITIES);
  }

  @Test
  void documentLevelElementsAreMissingForEveryComponentWhenTheSbomLacksThem() {
    Sbom noAuthorNoTime = SbomFixtures.sbom(List.of(COMPLETE), List.of(), List.of(), null);

    CompletenessReport report = SbomCompleteness.check(noAuthorNoTime, Map.of(), Optional.empty());

    assertThat(report.components().get(0).missing()).contains(SBOM_AUTHOR, TIMESTAMP, DEPENDENCY_RELATIONSHIP);
    assertThat(report.total(TIMESTAMP).percentComplete()).isZero();
  }

  @Test
  void anEmptySbomIsTriviallyComplete() {
    CompletenessReport report = SbomCompleteness.check(SbomFixtures.sbom(List.of(), List.of(), List.of(), null),
        Map.of(), Optional.empty());
    assertThat(report.isComplete()).isTrue();
    assertThat(report.total(SUPPLIER).percentComplete()).isEqualTo(100.0);
  }
}
