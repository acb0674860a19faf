package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every comparator is a total order consistent with its equivalence, on generated versions built
 * from each ecosystem's own vocabulary (so that ties, pre-releases and odd separators are common).
 * Property-style, with a random source seeded by the scheme's name, so a failure is reproducible.
 */
class VersionOrderPropertiesTest {
  private static final int TRIES_PER_SCHEME = 2000;

  static List<VersionScheme> schemes() {
    return List.of(VersionSchemes.MAVEN, VersionSchemes.NPM, VersionSchemes.GO, VersionSchemes.CARGO,
        VersionSchemes.PYPI, VersionSchemes.NUGET, VersionSchemes.RUBYGEMS, VersionSchemes.DEBIAN,
        VersionSchemes.RPM, VersionSchemes.ALPINE);
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void isATotalOrder(VersionScheme scheme) {
    Random random = new Random(scheme.name().hashCode());
    Supplier<String> gen = generator(scheme, random);
    for (int i = 0; i < TRIES_PER_SCHEME; i++) {
      String sa = gen.get();
      String sb = gen.get();
      String sc = gen.get();
      String where = scheme.name() + " [" + sa + ", " + sb + ", " + sc + "]";
      Version a = scheme.parse(sa);
      Version b = scheme.parse(sb);
      Version c = scheme.parse(sc);
      assertThat(a.compareTo(a)).as(where).isZero();
      assertThat(Integer.signum(a.compareTo(b))).as(where).isEqualTo(-Integer.signum(b.compareTo(a)));
      if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
        assertThat(a.compareTo(c)).as("transitive: " + where).isLessThanOrEqualTo(0);
      }
      if (a.compareTo(b) == 0) {
        assertThat(Integer.signum(a.compareTo(c))).as("equivalents order alike: " + where)
            .isEqualTo(Integer.signum(b.compareTo(c)));
      }
    }
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  /** Between {@code min} and {@code max} tokens joined by separators, never empty. */
  private static String joined(Random r, String[] tokens, String[] separators, int min, int max) {
    String out;
    do {
      int n = min + r.nextInt(max - min + 1);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          s.append(pick(r, separators));
        }
        s.append(pick(r, tokens));
      }
      out = s.toString();
    } while (out.isEmpty());
    return out;
  }

  private static Supplier<String> generator(VersionScheme scheme, Random r) {
    String[] n = {"0", "1", "2", "10", "01", "007", "20240101"};
    String[] small = {"0", "1", "2", "10"};
    switch (scheme.name()) {
      case "Maven":
        return () -> joined(r, new String[] {"1", "0", "2", "10", "alpha", "beta", "rc", "cr", "sp", "snapshot", "ga",
            "final", "a1", "m2", "b", "foo", "release", "1a", ""}, new String[] {".", "-"}, 1, 5);
      case "npm":
      case "crates.io":
      case "Go":
        return () -> pick(r, small) + "." + pick(r, small) + "." + pick(r, small)
            + pick(r, "", "-alpha", "-beta.2", "-rc.1", "-0", "-alpha.10", "-x-y", "-1.a") + pick(r, "", "+build", "+001");
      case "PyPI":
        return () -> r.nextInt(8) == 0
            ? pick(r, "0.3m1", "1.0-bulbasaur", "0.9-doduo", "1.0.x", "2.1_foo")
            : pick(r, "", "1!") + joined(r, small, new String[] {"."}, 1, 4) + pick(r, "", "a1", "b2", "rc1", ".alpha", "c", "-pre3")
                + pick(r, "", ".post1", "-2", "post0") + pick(r, "", ".dev1", "dev") + pick(r, "", "+local", "+1.a", "+abc.5");
      case "NuGet":
        return () -> joined(r, n, new String[] {"."}, 1, 4) + pick(r, "", "-beta", "-BETA", "-rc.1", "-1.2.a", "-alpha.10")
            + pick(r, "", "+meta");
      case "RubyGems":
        return () -> {
          String first = pick(r, n);
          String rest = r.nextInt(5) == 0 ? "" : joined(r, new String[] {"0", "1", "2", "a", "pre", "beta2", "rc1", "10"}, new String[] {"."}, 1, 4);
          return rest.isEmpty() ? first : first + "." + rest;
        };
      case "Debian":
        return () -> pick(r, "", "1:", "0:") + "1"
            + joined(r, new String[] {"1", "0", "2", "10", "a", "b", "~rc1", "+dfsg", "~"}, new String[] {".", ""}, 1, 4)
            + pick(r, "", "-1", "-0", "-1ubuntu1", "-1~deb12u1", "-2+b1");
      case "RPM":
        return () -> pick(r, "", "1:", "0:")
            + joined(r, new String[] {"1", "0", "2", "10", "a", "el8", "~rc1", "^git1", "_"}, new String[] {".", "", "_"}, 1, 4)
            + pick(r, "", "-1", "-1.el9", "-0.1", "-");
      default: // Alpine
        return () -> joined(r, n, new String[] {"."}, 1, 4) + pick(r, "", "a", "z")
            + pick(r, "", "_alpha", "_beta2", "_rc1", "_p3", "_git20240101", "_pre", "_rc1_p2") + pick(r, "", "-r0", "-r1", "-r10");
    }
  }
}
