package io.vigie.core.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssScoreTest {

  @Test
  void log4ShellScoresTenCritical() {
    CvssScore log4shell = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");

    assertThat(log4shell.version()).isEqualTo(CvssVersion.V3_1);
    assertThat(log4shell.baseScore()).isEqualTo(10.0);
    assertThat(log4shell.severity()).isEqualTo(CvssSeverity.CRITICAL);
    assertThat(log4shell.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // Heartbleed, CVE-2014-0160
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH, V3_1",
    // EternalBlue, CVE-2017-0144, as NVD scored it in v3.0
    "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H, 8.1, HIGH, V3_0",
    // the shape of the SweynTooth BLE link-layer crashes: radio range, no privileges, device hangs
    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 6.5, MEDIUM, V3_1",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3, CRITICAL, V4_0",
    "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 8.5, HIGH, V4_0",
    "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6, LOW, V3_1",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0, NONE, V3_1",
  })
  void computesTheSpecificationsBaseScoreAndRating(String vector, double score, CvssSeverity rating, CvssVersion version) {
    CvssScore cvss = CvssScore.parse(vector);

    assertThat(cvss.baseScore()).isEqualTo(score);
    assertThat(cvss.severity()).isEqualTo(rating);
    assertThat(cvss.version()).isEqualTo(version);
  }

  @Test
  void baseScoreIgnoresEnvironmentalMetricsInTheVector() {
    CvssScore v3 = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/MAV:P/CR:L");
    CvssScore v4 = CvssScore.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:A/E:U");

    assertThat(v3.baseScore()).isEqualTo(10.0);
    assertThat(v4.baseScore()).isEqualTo(9.3);
    assertThat(v4.vector()).endsWith("/MAV:A/E:U");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/A:L",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:Q",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/ZZ:1",
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:Q",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H",
    "CVSS:5.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
    "AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "10.0",
  })
  void rejectsAnInvalidVectorNamingIt(String vector) {
    assertThatThrownBy(() -> CvssScore.parse(vector))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .singleElement()
            .satisfies(p -> {
              assertThat(p.field()).isEqualTo("cvss.vector");
              assertThat(p.message()).contains("'" + vector + "'");
            }));
  }

  @Test
  void saysWhatIsWrong() {
    assertThatThrownBy(() -> CvssScore.parse("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"))
        .hasMessageContaining("AV: X");
    assertThatThrownBy(() -> CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/A:L"))
        .hasMessageContaining("metric A appears more than once");
    assertThatThrownBy(() -> CvssScore.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H"))
        .hasMessageContaining("base metric SC is missing");
    assertThatThrownBy(() -> CvssScore.parse("AV:N/AC:L/Au:N/C:P/I:P/A:P"))
        .hasMessageContaining("CVSS v2 vectors are not supported");
    assertThatThrownBy(() -> CvssScore.parse(" "))
        .hasMessageContaining("a CVSS vector is required");
  }

  @Test
  void theConstructorRefusesAScoreThatIsNotTheVectors() {
    assertThatThrownBy(() -> new CvssScore(
            CvssVersion.V3_1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 10.0, CvssSeverity.CRITICAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores 9.8 (Critical), not V3_1 10.0");
    assertThat(new CvssScore(CvssVersion.V3_1, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, CvssSeverity.CRITICAL))
        .isEqualTo(CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
  }

  @ParameterizedTest
  @CsvSource({"0.0, NONE", "0.1, LOW", "3.9, LOW", "4.0, MEDIUM", "6.9, MEDIUM", "7.0, HIGH", "8.9, HIGH", "9.0, CRITICAL", "10.0, CRITICAL"})
  void severityBandsAreTheSpecifications(double score, CvssSeverity rating) {
    assertThat(CvssSeverity.of(score)).isEqualTo(rating);
  }
}
