package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.threat.RuleInfo;
import io.vigie.core.threat.ThreatRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue as a whole: size, naming, metadata a reviewer relies on, and a test per rule. */
class BuiltInRulesTest {
  private final List<ThreatRule> rules = BuiltInRules.all();

  @Test
  void shipsAtLeastThirtyRules() {
    assertThat(rules).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void ruleIdsAreUniqueAndKebabCase() {
    List<String> ids = rules.stream().map(r -> r.info().id()).toList();

    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
  }

  @Test
  void everyRuleNamesAWeaknessAMitigationAndItsRationale() {
    for (ThreatRule rule : rules) {
      RuleInfo info = rule.info();
      assertThat(info.cwe()).as("CWE of %s", info.id()).isNotEmpty();
      assertThat(info.mitigations()).as("mitigations of %s", info.id()).isNotEmpty();
      assertThat(info.recommendedControls()).as("controls of %s", info.id()).isNotEmpty();
      assertThat(info.rationale()).as("rationale of %s", info.id()).isNotBlank();
      assertThat(info.appliesTo()).as("appliesTo of %s", info.id()).isNotBlank();
      assertThat(info.falsePositives()).as("falsePositives of %s", info.id()).isNotBlank();
    }
  }

  @Test
  void everyRuleClassHasATestClassNextToIt() {
    for (ThreatRule rule : rules) {
      String testName = rule.getClass().getName() + "Test";
      assertThat(exists(testName)).as("test class %s", testName).isTrue();
    }
  }

  @Test
  void noRuleFiresOnAnEmptyModel() {
    var empty = ModelIndex.of(new ModelBuilder("Empty").build());

    for (ThreatRule rule : rules) {
      assertThat(rule.apply(empty)).as(rule.info().id()).isEmpty();
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
