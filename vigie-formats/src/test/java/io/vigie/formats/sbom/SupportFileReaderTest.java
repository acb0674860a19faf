package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.SupportInfo;
import io.vigie.core.sbom.SupportLevel;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportFileReaderTest {
  private static final SupportFileReader READER = new SupportFileReader();

  @Test
  void readsEntriesKeyedByPurlOrNameAndVersion() {
    Map<String, SupportInfo> support = READER.read("""
        components:
          - purl: pkg:github/wolfssl/wolfssl@4.8.1
            support: supported
            endOfSupport: 2028-12-31
          - name: fatFS
            version: 0.13c
            support: end-of-life
          - name: Qualcomm Atheros QCA9563
            support: unknown
        """, "support.yaml");

    assertThat(support).containsEntry("pkg:github/wolfssl/wolfssl@4.8.1",
        new SupportInfo(SupportLevel.SUPPORTED, Optional.of(LocalDate.of(2028, 12, 31))));
    assertThat(support).containsEntry("fatFS@0.13c", new SupportInfo(SupportLevel.END_OF_LIFE, Optional.empty()));
    assertThat(support.get("Qualcomm Atheros QCA9563").level()).isEqualTo(SupportLevel.UNKNOWN);
  }

  @Test
  void reportsEveryProblemAtItsLineAndColumn() {
    List<Problem> problems = problems("""
        components:
          - purl: pkg:github/wolfssl/wolfssl@4.8.1
            support: suported
          - name: fatFS
            endOfSupport: 31/12/2028
            support: maintenance
            colour: red
          - support: supported
        """);

    assertThat(problems).extracting(Problem::field).containsExactly(
        "components[0].support", "components[1].colour", "components[1].endOfSupport", "components[2]");
    assertThat(problems.get(0).line()).isEqualTo(3);
    assertThat(problems.get(0).column()).isEqualTo(14);
    assertThat(problems.get(0).message()).contains("'suported' is not a support level");
    assertThat(problems.get(2).line()).isEqualTo(5);
    assertThat(problems.get(3).message()).contains("not neither");
  }

  @Test
  void refusesAComponentListedTwiceAndAnUnknownTopLevelKey() {
    List<Problem> problems = problems("""
        component: []
        components:
          - name: a
            support: supported
          - name: a
            support: maintenance
        """);
    assertThat(problems).extracting(Problem::message)
        .anyMatch(m -> m.contains("unknown key"))
        .anyMatch(m -> m.contains("'a' is already listed above"));
  }

  @Test
  void refusesBrokenAndDeeplyNestedYamlWithPositions() {
    assertThat(problems("components: [\n  - a").get(0).line()).isPositive();
    assertThat(problems("components: " + "[".repeat(50) + "]".repeat(50)).get(0).message()).contains("nesting deeper");
  }

  private static List<Problem> problems(String yaml) {
    try {
      READER.read(yaml, "support.yaml");
    } catch (InvalidInputException e) {
      assertThat(e.problems()).allMatch(p -> p.source().equals("support.yaml"));
      return e.problems();
    }
    throw new AssertionError("expected problems");
  }
}
