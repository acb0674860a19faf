package io.vigie.formats.sbom;

import static io.vigie.core.sbom.FdaElement.DEPENDENCY_RELATIONSHIP;
import static io.vigie.core.sbom.FdaElement.END_OF_SUPPORT;
import static io.vigie.core.sbom.FdaElement.LEVEL_OF_SUPPORT;
import static io.vigie.core.sbom.FdaElement.NAME;
import static io.vigie.core.sbom.FdaElement.SBOM_AUTHOR;
import static io.vigie.core.sbom.FdaElement.SUPPLIER;
import static io.vigie.core.sbom.FdaElement.TIMESTAMP;
import static io.vigie.core.sbom.FdaElement.UNIQUE_IDENTIFIER;
import static io.vigie.core.sbom.FdaElement.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.CompletenessReport;
import io.vigie.core.sbom.ComponentCompleteness;
import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomCompleteness;
import io.vigie.core.sbom.SupportInfo;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The FDA completeness check on the real, anonymised medical-device SBOM and a support file. */
class MedicalDeviceCompletenessTest {
  @Test
  void judgesTheCaseStudySbomAgainstTheFdaElements() {
    Sbom sbom = new CycloneDxReader().read(SbomData.file("medical-device-case-study/narrow.sbom.json"));
    Map<String, SupportInfo> support = new SupportFileReader().read("""
        components:
          - name: WolfSSL
            version: 4.8.1
            support: supported
            endOfSupport: 2028-12-31
        """, "support.yaml");

    CompletenessReport report = SbomCompleteness.check(sbom, support, Optional.empty());

    assertThat(report.components()).hasSize(55);
    // Every component has a name, a purl and a CPE; the document has authors and a timestamp.
    for (var e : new io.vigie.core.sbom.FdaElement[] {NAME, UNIQUE_IDENTIFIER, SBOM_AUTHOR, TIMESTAMP}) {
      assertThat(report.total(e).percentComplete()).as(e.label()).isEqualTo(100.0);
    }
    // The case study names publishers but no supplier: the FDA's supplier element is missing throughout.
    assertThat(report.total(SUPPLIER).present()).isZero();
    // Some components carry "version": "" (hardware without a version), which is no version.
    long blankVersions = sbom.components().stream().filter(c -> c.version().isEmpty()).count();
    assertThat(blankVersions).isPositive();
    assertThat(report.total(VERSION).present()).isEqualTo(55 - (int) blankVersions);
    assertThat(report.total(DEPENDENCY_RELATIONSHIP).percentComplete()).isEqualTo(100.0);

    ComponentCompleteness wolfssl = report.components().stream().filter(r -> r.name().equals("WolfSSL")).findFirst().orElseThrow();
    assertThat(wolfssl.present()).contains(LEVEL_OF_SUPPORT, END_OF_SUPPORT);
    assertThat(wolfssl.missing()).contains(SUPPLIER).doesNotContain(VERSION);
    assertThat(report.total(LEVEL_OF_SUPPORT).present()).isEqualTo(1);
    assertThat(report.isComplete()).isFalse();
  }
}
