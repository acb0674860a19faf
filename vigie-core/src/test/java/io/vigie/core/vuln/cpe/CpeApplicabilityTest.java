package io.vigie.core.vuln.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpeApplicabilityTest {
  private static final String WOLFSSL_ANY = "cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:*";
  private static final String WINDOWS = "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*";

  private static Cpe cpe(String s) {
    return Cpe.parse(s);
  }

  private static Cpe wolfssl(String version) {
    return cpe("cpe:2.3:a:wolfssl:wolfssl:" + version + ":*:*:*:*:*:*:*");
  }

  private static CpeMatchCriterion bounded(String criteria, String si, String se, String ei, String ee) {
    return new CpeMatchCriterion(true, criteria, Cpe.parse(criteria), Optional.ofNullable(si), Optional.ofNullable(se),
        Optional.ofNullable(ei), Optional.ofNullable(ee));
  }

  private static List<CpeConfiguration> one(CpeMatchCriterion... criteria) {
    return List.of(new CpeConfiguration(Optional.empty(), false, List.of(new CpeNode(CpeNode.Operator.OR, false, List.of(criteria)))));
  }

  private static CpeApplicability.Verdict eval(List<CpeConfiguration> configs, Cpe target, Cpe... others) {
    List<Cpe> env = new java.util.ArrayList<>(List.of(others));
    env.add(target);
    return CpeApplicability.evaluate(configs, target, env);
  }

  private static boolean applies(CpeMatchCriterion c, String version) {
    return eval(one(c), wolfssl(version)) instanceof CpeApplicability.Applies;
  }

  @Test
  void everyVersionBoundIsInclusiveOrExclusiveAsNamed() {
    CpeMatchCriterion startIncl = bounded(WOLFSSL_ANY, "4.6.0", null, null, null);
    assertThat(applies(startIncl, "4.6.0")).isTrue();
    assertThat(applies(startIncl, "4.5.9")).isFalse();

    CpeMatchCriterion startExcl = bounded(WOLFSSL_ANY, null, "4.6.0", null, null);
    assertThat(applies(startExcl, "4.6.0")).isFalse();
    assertThat(applies(startExcl, "4.6.1")).isTrue();

    CpeMatchCriterion endIncl = bounded(WOLFSSL_ANY, null, null, "5.0.0", null);
    assertThat(applies(endIncl, "5.0.0")).isTrue();
    assertThat(applies(endIncl, "5.0.1")).isFalse();

    CpeMatchCriterion endExcl = bounded(WOLFSSL_ANY, null, null, null, "4.8.1");
    assertThat(applies(endExcl, "4.8.1")).as("CVE-2021-38597 is fixed in 4.8.1").isFalse();
    assertThat(applies(endExcl, "4.8.0")).isTrue();

    CpeMatchCriterion both = bounded(WOLFSSL_ANY, "4.6.0", null, null, "4.8.0");
    assertThat(applies(both, "4.8.1")).as("CVE-2021-37155 range").isFalse();
    assertThat(applies(both, "4.7.0")).isTrue();
    assertThat(applies(both, "4.5.0")).isFalse();
  }

  @Test
  void theExplanationNamesTheCriterionItsPlaceAndTheBoundThatHeld() {
    var v = (CpeApplicability.Applies) eval(one(bounded(WOLFSSL_ANY, null, null, null, "5.2.0")), wolfssl("4.8.1"));
    assertThat(v.path()).isEqualTo("configurations[0].nodes[0].cpeMatch[0]");
    assertThat(v.versionRule()).isEqualTo("version 4.8.1 < 5.2.0 (versionEndExcluding)");
    assertThat(v.criterion().describe()).isEqualTo(WOLFSSL_ANY + " versionEndExcluding 5.2.0 (vulnerable)");
    assertThat(v.certain()).isTrue();
  }

  @Test
  void anExactVersionCriterionMatchesOnlyThatVersion() {
    CpeMatchCriterion exact = CpeMatchCriterion.of(true, "cpe:2.3:a:nxp:mcuxpresso_software_development_kit:2.7.0:*:*:*:*:*:*:*");
    Cpe sdk = cpe("cpe:2.3:a:nxp:mcuxpresso_software_development_kit:2.7.0:*:*:*:*:*:*:*");
    assertThat(eval(one(exact), sdk)).isInstanceOf(CpeApplicability.Applies.class);
    assertThat(eval(one(exact), sdk.withVersion(Cpe.parse("cpe:/a:x:y:2.9.0").version())))
        .isInstanceOf(CpeApplicability.DoesNotApply.class);
  }

  @Test
  void anotherProductOfTheSameVendorNeverMatches() {
    CpeMatchCriterion mqtt = bounded("cpe:2.3:a:wolfssl:wolfmqtt:*:*:*:*:*:*:*:*", null, null, null, "1.9.0");
    assertThat(eval(one(mqtt), wolfssl("4.8.1"))).isInstanceOf(CpeApplicability.DoesNotApply.class);
  }

  @Test
  void aComponentWithoutAVersionIsNotEvaluableAgainstARangeNotClean() {
    var v = eval(one(bounded(WOLFSSL_ANY, null, null, null, "5.2.0")), wolfssl("*"));
    assertThat(v).isInstanceOf(CpeApplicability.NotEvaluable.class);
    assertThat(((CpeApplicability.NotEvaluable) v).reasons().get(0)).contains("gives no version");
  }

  @Test
  void aVersionTheComparatorCannotOrderIsNotEvaluable() {
    var v = eval(one(bounded("cpe:2.3:a:chan:fatfs:*:*:*:*:*:*:*:*", null, null, null, "0.15")),
        cpe("cpe:2.3:a:chan:fatfs:r0.13:*:*:*:*:*:*:*"));
    assertThat(v).isInstanceOf(CpeApplicability.NotEvaluable.class);
    assertThat(((CpeApplicability.NotEvaluable) v).reasons().get(0)).contains("'r0.13' and '0.15' cannot be ordered");
  }

  @Test
  void naAndAnyFollowTheNameMatchingTable() {
    // criterion version '-' (a product without versions) vs a CPE that does not say: matches.
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:h:qualcomm:qca9563:-:*:*:*:*:*:*:*")),
        cpe("cpe:2.3:h:qualcomm:qca9563:*:*:*:*:*:*:*:*"))).isInstanceOf(CpeApplicability.Applies.class);
    // criterion '-' vs a real version: disjoint.
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:h:qualcomm:qca9563:-:*:*:*:*:*:*:*")),
        cpe("cpe:2.3:h:qualcomm:qca9563:1.0:*:*:*:*:*:*:*"))).isInstanceOf(CpeApplicability.DoesNotApply.class);
    // criterion update '-' vs a CPE that leaves update ANY: matches (NVD's "no update").
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:a:wolfssl:wolfssl:4.8.1:-:*:*:*:*:*:*")), wolfssl("4.8.1")))
        .isInstanceOf(CpeApplicability.Applies.class);
    // criterion target_sw 'wordpress' vs a CPE that does not claim it: no match (another variant).
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:a:wolfssl:wolfssl:4.8.1:*:*:*:*:wordpress:*:*")), wolfssl("4.8.1")))
        .isInstanceOf(CpeApplicability.DoesNotApply.class);
    // a wildcard in the criterion matches as a pattern.
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:a:wolfssl:wolfssl:4.8.*:*:*:*:*:*:*:*")), wolfssl("4.8.1")))
        .isInstanceOf(CpeApplicability.Applies.class);
    assertThat(eval(one(CpeMatchCriterion.of(true, "cpe:2.3:a:wolfssl:wolfssl:4.8.*:*:*:*:*:*:*:*")), wolfssl("4.9.0")))
        .isInstanceOf(CpeApplicability.DoesNotApply.class);
  }

  private static List<CpeConfiguration> runningOn(String platform) {
    return List.of(new CpeConfiguration(Optional.of(CpeNode.Operator.AND), false, List.of(
        new CpeNode(CpeNode.Operator.OR, false, List.of(bounded(WOLFSSL_ANY, null, null, null, "5.0.0"))),
        new CpeNode(CpeNode.Operator.OR, false, List.of(CpeMatchCriterion.of(false, platform))))));
  }

  @Test
  void anAndConfigurationWhosePlatformIsNotShownAppliesButUncertainly() {
    var v = (CpeApplicability.Applies) eval(runningOn(WINDOWS), wolfssl("4.8.1"));
    assertThat(v.certain()).isFalse();
    assertThat(v.platformsNotShown()).containsExactly(WINDOWS + " (platform, not itself vulnerable)");
  }

  @Test
  void anAndConfigurationWhosePlatformIsShownAppliesForSure() {
    var v = (CpeApplicability.Applies) eval(runningOn(WINDOWS), wolfssl("4.8.1"), cpe(WINDOWS));
    assertThat(v.certain()).isTrue();
    assertThat(v.platformsMet()).containsExactly(WINDOWS + " by " + WINDOWS);
  }

  @Test
  void anAndConfigurationWhosePlatformIsShownInAnotherVersionDoesNotApply() {
    String linux = "cpe:2.3:o:linux:linux_kernel:5.10:*:*:*:*:*:*:*";
    assertThat(eval(runningOn("cpe:2.3:o:linux:linux_kernel:4.19:*:*:*:*:*:*:*"), wolfssl("4.8.1"), cpe(linux)))
        .isInstanceOf(CpeApplicability.DoesNotApply.class);
  }

  @Test
  void aPlatformAloneNeverMakesItsHardwareVulnerable() {
    List<CpeConfiguration> firmwareOnChip = List.of(new CpeConfiguration(Optional.of(CpeNode.Operator.AND), false, List.of(
        new CpeNode(CpeNode.Operator.OR, false, List.of(CpeMatchCriterion.of(true, "cpe:2.3:o:qualcomm:qca9563_firmware:-:*:*:*:*:*:*:*"))),
        new CpeNode(CpeNode.Operator.OR, false, List.of(CpeMatchCriterion.of(false, "cpe:2.3:h:qualcomm:qca9563:-:*:*:*:*:*:*:*"))))));
    assertThat(eval(firmwareOnChip, cpe("cpe:2.3:h:qualcomm:qca9563:-:*:*:*:*:*:*:*")))
        .isInstanceOf(CpeApplicability.DoesNotApply.class);
  }

  @Test
  void aNegatedNodeExcludesWhatItNames() {
    // "every wolfSSL < 5.0.0 except on Windows" (negate on the platform node).
    List<CpeConfiguration> notOnWindows = List.of(new CpeConfiguration(Optional.of(CpeNode.Operator.AND), false, List.of(
        new CpeNode(CpeNode.Operator.OR, false, List.of(bounded(WOLFSSL_ANY, null, null, null, "5.0.0"))),
        new CpeNode(CpeNode.Operator.OR, true, List.of(CpeMatchCriterion.of(false, WINDOWS))))));
    assertThat(eval(notOnWindows, wolfssl("4.8.1"), cpe(WINDOWS))).isInstanceOf(CpeApplicability.DoesNotApply.class);
    assertThat(eval(notOnWindows, wolfssl("4.8.1"), cpe("cpe:2.3:o:linux:linux_kernel:5.10:*:*:*:*:*:*:*")))
        .as("Linux shown, Windows not: NOT(unknown) stays unknown").isInstanceOf(CpeApplicability.Applies.class);
  }

  @Test
  void anAndNodeNeedsEveryCriterionAndAnOrNodeOne() {
    CpeMatchCriterion a = bounded(WOLFSSL_ANY, null, null, null, "5.0.0");
    CpeMatchCriterion other = bounded(WOLFSSL_ANY, "6.0.0", null, null, null);
    var and = List.of(new CpeConfiguration(Optional.empty(), false, List.of(new CpeNode(CpeNode.Operator.AND, false, List.of(a, other)))));
    var or = List.of(new CpeConfiguration(Optional.empty(), false, List.of(new CpeNode(CpeNode.Operator.OR, false, List.of(a, other)))));
    assertThat(eval(and, wolfssl("4.8.1"))).isInstanceOf(CpeApplicability.DoesNotApply.class);
    assertThat(eval(or, wolfssl("4.8.1"))).isInstanceOf(CpeApplicability.Applies.class);
  }

  @Test
  void severalConfigurationsApplyWhenAnyDoes() {
    var configs = new java.util.ArrayList<>(one(bounded(WOLFSSL_ANY, "6.0.0", null, null, null)));
    configs.addAll(one(bounded(WOLFSSL_ANY, null, null, "5.0.0", null)));
    var v = (CpeApplicability.Applies) eval(configs, wolfssl("4.8.1"));
    assertThat(v.path()).startsWith("configurations[1]");
  }

  @Test
  void aComponentCpeThatIsAPatternIsNotEvaluable() {
    assertThat(eval(one(bounded(WOLFSSL_ANY, null, null, null, "5.0.0")), wolfssl("4.8.*")))
        .isInstanceOf(CpeApplicability.NotEvaluable.class);
  }
}
