package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OSV ecosystem ordering fixtures of osv-scanner's "semantic" package (lines {@code A < B},
 * {@code A = B}, {@code A > B}): every line must hold for the scheme that claims the ecosystem.
 */
class OsvScannerOrderingFixturesTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("maven-versions.txt", VersionSchemes.MAVEN),
        Arguments.of("maven-versions-generated.txt", VersionSchemes.MAVEN),
        Arguments.of("pypi-versions.txt", VersionSchemes.PYPI),
        Arguments.of("pypi-versions-generated.txt", VersionSchemes.PYPI),
        Arguments.of("nuget-versions.txt", VersionSchemes.NUGET),
        Arguments.of("rubygems-versions.txt", VersionSchemes.RUBYGEMS),
        Arguments.of("rubygems-versions-generated.txt", VersionSchemes.RUBYGEMS),
        Arguments.of("debian-versions.txt", VersionSchemes.DEBIAN),
        Arguments.of("debian-versions-generated.txt", VersionSchemes.DEBIAN),
        Arguments.of("redhat-versions.txt", VersionSchemes.RPM),
        Arguments.of("alpine-versions.txt", VersionSchemes.ALPINE),
        Arguments.of("alpine-versions-generated.txt", VersionSchemes.ALPINE),
        Arguments.of("semver-versions.txt", VersionSchemes.SEMVER),
        Arguments.of("semver-versions.txt", VersionSchemes.NPM),
        Arguments.of("semver-versions.txt", VersionSchemes.GO),
        Arguments.of("semver-versions.txt", VersionSchemes.CARGO));
  }

  /**
   * Versions a scheme refuses on purpose, with the reason: osv-scanner's parsers read any string,
   * while Vigie refuses what the ecosystem's own tool refuses instead of inventing an order. A
   * fixture line is skipped only when one of its versions is refused AND matches this list.
   */
  private static final Map<String, Predicate<String>> REFUSED_ON_PURPOSE =
      Map.of(
          // not MAJOR.MINOR.PATCH: "1.1.3.4.5" and a bare 30-digit number
          "semver-versions.txt",
          v -> v.equals("1.1.3.4.5") || v.matches("\\d{30}"),
          // apk_version_validate() rejects these; the fixture itself notes that apk 2.x and 3.x
          // order them differently ("on latest apk these are < but on 3.x they're >")
          "alpine-versions.txt",
          v -> v.matches(".*(-r-|-r\\d+-|-ruff|--|[A-Z]|_blah|_csv|_foo|bc).*"));

  /** crates.io also refuses the "v" prefix (Cargo does); npm refuses numbers node-semver refuses. */
  private static boolean refusedOnPurpose(String file, VersionScheme scheme, String version) {
    if (scheme instanceof CargoScheme && version.startsWith("v")) {
      return true;
    }
    if (scheme instanceof NpmScheme && version.matches(".*\\d{17}.*")) {
      return true; // beyond Number.MAX_SAFE_INTEGER, which node-semver refuses
    }
    Predicate<String> p = REFUSED_ON_PURPOSE.get(file);
    return p != null && p.test(version);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("fixtures")
  void everyComparisonHolds(String file, VersionScheme scheme) throws IOException {
    Path path = SharedData.dir("version-ranges/osv-scanner-semantic").resolve(file);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int refused = 0;
    for (String raw : Files.readAllLines(path)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
        continue;
      }
      String[] parts = line.split(" ");
      assertThat(parts).as("malformed fixture line: %s", line).hasSize(3);
      boolean refusedA = !scheme.isValid(parts[0]);
      boolean refusedB = !scheme.isValid(parts[2]);
      if ((refusedA && refusedOnPurpose(file, scheme, parts[0]))
          || (refusedB && refusedOnPurpose(file, scheme, parts[2]))) {
        refused++;
        continue;
      }
      int expected = parts[1].equals("<") ? -1 : parts[1].equals(">") ? 1 : 0;
      try {
        int actual = Integer.signum(scheme.compare(parts[0], parts[2]));
        int reverse = Integer.signum(scheme.compare(parts[2], parts[0]));
        if (actual != expected || reverse != -expected) {
          failures.add(line + "  (got " + actual + ", reversed " + reverse + ")");
        } else {
          passed++;
        }
      } catch (RuntimeException e) {
        failures.add(line + "  (" + e.getMessage() + ")");
      }
    }
    System.out.printf(
        "osv-scanner fixtures %-32s %-9s passed %5d, failed %d, refused as not %s %d%n",
        file, scheme.name(), passed, failures.size(), scheme.name(), refused);
    assertThat(failures).as(file + " as " + scheme.name()).isEmpty();
    assertThat(passed).isPositive();
  }
}
