package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package-url vers-spec comparison suites for the schemes we implement: "comparison" tests give
 * two versions and the expected ascending order, "equality" tests whether they are equivalent.
 */
class VersSpecComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> suites() {
    return Stream.of(
        Arguments.of("maven_version_cmp_test.json", VersionSchemes.MAVEN),
        Arguments.of("nuget_version_cmp_test.json", VersionSchemes.NUGET),
        Arguments.of("alpine_version_cmp_test.json", VersionSchemes.ALPINE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void everyCaseHolds(String file, VersionScheme scheme) throws IOException {
    JsonNode suite =
        JSON.readTree(SharedData.dir("version-ranges/vers-spec/tests").resolve(file).toFile());
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (JsonNode test : suite.get("tests")) {
      JsonNode versions = test.at("/input/versions");
      String a = versions.get(0).asText();
      String b = versions.get(1).asText();
      JsonNode expected = test.get("expected_output");
      int c = Integer.signum(scheme.compare(a, b));
      boolean ok;
      if (test.get("test_type").asText().equals("equality")) {
        ok = (c == 0) == expected.asBoolean();
      } else {
        String first = expected.get(0).asText();
        String second = expected.get(1).asText();
        // expected_output may re-spell a version (NuGet lower-cases), so compare through the scheme
        ok =
            scheme.compare(first, second) < 0
                && (c < 0
                    ? scheme.compare(a, first) == 0 && scheme.compare(b, second) == 0
                    : c > 0 && scheme.compare(b, first) == 0 && scheme.compare(a, second) == 0);
      }
      if (ok) {
        passed++;
      } else {
        failures.add(test.get("test_type").asText() + " " + a + " vs " + b + " -> " + expected);
      }
    }
    System.out.printf("vers-spec %-30s %-7s passed %d, failed %d%n", file, scheme.name(), passed, failures.size());
    assertThat(failures).isEmpty();
  }
}
