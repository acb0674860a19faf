package io.vigie.core.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.Reachability;
import io.vigie.core.model.Severity;
import org.junit.jupiter.api.Test;

class MitreRubricTest {
  private static final String LOG4SHELL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
  private static final String NETWORK_RCE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  private static final String HEARTBLEED = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
  private static final String SWEYNTOOTH_LIKE = "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H";

  private final MitreRubric rubric = new MitreRubric();

  private static MedicalDeviceContext plain(String name, Reachability reachability) {
    return new MedicalDeviceContext(name, reachability, false, Severity.NEGLIGIBLE, false, false);
  }

  @Test
  void aNetworkFlawInAComponentReachableOnlyOverBleIsScoredAdjacentAndSaysSo() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(NETWORK_RCE), plain("BLE stack", Reachability.ADJACENT));

    // Spec arithmetic: modified exploitability 8.22 × 0.62 × 0.77 × 0.85 × 0.85 = 2.835,
    // impact 6.42 × 0.9148 = 5.873, round up 8.708 → 8.8.
    assertThat(adjusted.environmentalScore()).isEqualTo(8.8);
    assertThat(adjusted.base().baseScore()).isEqualTo(9.8);
    assertThat(adjusted.environmentalVector()).isEqualTo(NETWORK_RCE + "/MAV:A");
    assertThat(adjusted.adjustments()).singleElement().satisfies(a -> {
      assertThat(a.metric()).isEqualTo("MAV");
      assertThat(a.from()).isEqualTo("N");
      assertThat(a.to()).isEqualTo("A");
      assertThat(a.questions()).contains("XAVW", "XAVR");
      assertThat(a.explanation())
          .startsWith("Attack vector lowered from Network to Adjacent")
          .contains("BLE stack", "Bluetooth LE");
    });
    assertThat(adjusted.effective("AV", "MAV")).isEqualTo("A");
  }

  @Test
  void aBleStackFlawAlreadyScoredAdjacentIsLeftAlone() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(SWEYNTOOTH_LIKE), plain("BLE stack", Reachability.ADJACENT));

    assertThat(adjusted.adjustments()).isEmpty();
    assertThat(adjusted.environmentalScore()).isEqualTo(6.5);
    assertThat(adjusted.environmentalSeverity()).isEqualTo(CvssSeverity.MEDIUM);
  }

  @Test
  void theReachabilityOfTheModelNeverRaisesTheAttackVector() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(SWEYNTOOTH_LIKE), plain("gateway", Reachability.INTERNET));

    assertThat(adjusted.adjustments()).isEmpty();
    assertThat(adjusted.effective("AV", "MAV")).isEqualTo("A");
  }

  @Test
  void aComponentReachableOnlyByTouchingTheDeviceIsScoredPhysical() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(NETWORK_RCE), plain("service port", Reachability.PHYSICAL));

    // 8.22 × 0.20 × 0.77 × 0.85 × 0.85 = 0.915; 5.873 + 0.915 = 6.788 → 6.8.
    assertThat(adjusted.environmentalScore()).isEqualTo(6.8);
    assertThat(adjusted.adjustments()).singleElement().satisfies(a -> assertThat(a.explanation())
        .startsWith("Attack vector lowered from Network to Physical").contains("touching the device"));
  }

  @Test
  void healthDataRaisesTheSecurityRequirements() {
    var context = new MedicalDeviceContext("patient API", Reachability.INTERNET, true, Severity.MINOR, false, false);

    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(HEARTBLEED), context);

    // CR:H multiplies the confidentiality impact by 1.5: 1 − (1 − 0.84) = 0.84, 6.42 × 0.84 = 5.393,
    // + 3.887 = 9.28 → 9.3.
    assertThat(adjusted.environmentalScore()).isEqualTo(9.3);
    assertThat(adjusted.environmentalVector()).isEqualTo(HEARTBLEED + "/CR:H/IR:H/AR:H");
    assertThat(adjusted.adjustments()).extracting(RubricAdjustment::metric).containsExactly("CR", "IR", "AR");
    assertThat(adjusted.adjustments().get(0).explanation())
        .isEqualTo("Confidentiality requirement set to High: patient API handles health data.");
    assertThat(adjusted.adjustments().get(0).questions()).isEqualTo("XCP");
  }

  @Test
  void aLowImpactOnHealthDataBecomesHigh() {
    var context = new MedicalDeviceContext("patient API", Reachability.INTERNET, true, Severity.MINOR, false, false);

    AdjustedCvss adjusted = rubric.apply(CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), context);

    assertThat(adjusted.base().baseScore()).isEqualTo(5.3);
    assertThat(adjusted.environmentalScore()).isEqualTo(9.3);
    assertThat(adjusted.adjustments()).filteredOn(a -> a.metric().equals("MC")).singleElement().satisfies(a -> {
      assertThat(a.questions()).isEqualTo("XCP, XCPM");
      assertThat(a.explanation()).contains("raised from Low to High", "how many patients");
    });
  }

  @Test
  void aClinicalFunctionRaisesIntegrityAndAvailabilityButNotConfidentiality() {
    var infusion = new MedicalDeviceContext("dose controller", Reachability.ADJACENT, false, Severity.CATASTROPHIC, true, false);

    AdjustedCvss adjusted = rubric.apply(CvssScore.parse("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L"), infusion);

    assertThat(adjusted.adjustments()).extracting(RubricAdjustment::metric).containsExactly("IR", "AR", "MI", "MA");
    assertThat(adjusted.adjustments().get(0).questions()).isEqualTo("XID, XIT, XIW");
    assertThat(adjusted.environmentalScore()).isGreaterThan(adjusted.base().baseScore());
  }

  @Test
  void authenticationInFrontOfTheComponentMeansLowPrivileges() {
    var behindLogin = new MedicalDeviceContext("report service", Reachability.INTERNET, false, Severity.NEGLIGIBLE, false, true);

    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(NETWORK_RCE), behindLogin);

    // PR:L (scope unchanged) 0.62: 8.22 × 0.85 × 0.77 × 0.62 × 0.85 = 2.835; 5.873 + 2.835 → 8.8.
    assertThat(adjusted.environmentalScore()).isEqualTo(8.8);
    assertThat(adjusted.adjustments()).singleElement().satisfies(a -> {
      assertThat(a.metric()).isEqualTo("MPR");
      assertThat(a.explanation()).contains("requires authentication before report service");
    });
  }

  @Test
  void anUnknownComponentGetsTheWorstAnswers() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L"),
        MedicalDeviceContext.unknown("unmodelled library"));

    assertThat(adjusted.environmentalVector()).endsWith("/CR:H/IR:H/AR:H/MC:H/MI:H/MA:H");
    assertThat(adjusted.environmentalScore()).isEqualTo(9.8);
  }

  @Test
  void cvss40VectorsGetTheSameAdjustmentsOnTheirOwnMetrics() {
    String v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N";
    var context = new MedicalDeviceContext("BLE stack", Reachability.ADJACENT, false, Severity.SERIOUS, true, false);

    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(v4), context);

    assertThat(adjusted.environmentalVector()).isEqualTo(v4 + "/MAV:A/IR:H/AR:H/MVI:H");
    assertThat(adjusted.environmentalScore()).isLessThanOrEqualTo(10.0);
  }

  @Test
  void cvss40NetworkVectorOnBleOnlyComponentScoresAsTheFirstCalculatorDoes() {
    AdjustedCvss adjusted = rubric.apply(
        CvssScore.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
        plain("BLE stack", Reachability.ADJACENT));

    assertThat(adjusted.base().baseScore()).isEqualTo(9.3);
    assertThat(adjusted.environmentalScore()).isEqualTo(8.7);
  }

  @Test
  void aCvss30VectorIsScoredWithTheV31EnvironmentalFormulas() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        plain("BLE stack", Reachability.ADJACENT));

    assertThat(adjusted.environmentalVector()).isEqualTo(NETWORK_RCE + "/MAV:A");
    assertThat(adjusted.environmentalScore()).isEqualTo(8.8);
  }

  @Test
  void environmentalMetricsInTheGivenVectorAreReplacedByTheModels() {
    AdjustedCvss adjusted = rubric.apply(CvssScore.parse(LOG4SHELL + "/MAV:P/CR:L/E:U"), plain("gateway", Reachability.INTERNET));

    assertThat(adjusted.environmentalVector()).isEqualTo(LOG4SHELL);
    assertThat(adjusted.environmentalScore()).isEqualTo(10.0);
  }

  @Test
  void isAFunctionOfItsInputs() {
    var context = MedicalDeviceContext.unknown("x");
    assertThat(rubric.apply(CvssScore.parse(LOG4SHELL), context)).isEqualTo(new MitreRubric().apply(CvssScore.parse(LOG4SHELL), context));
  }
}
