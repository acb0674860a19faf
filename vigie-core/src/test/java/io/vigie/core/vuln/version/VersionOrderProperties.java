package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every comparator is a total order consistent with its equivalence, on generated versions built
 * from each ecosystem's own vocabulary (so that ties, pre-releases and odd separators are common).
 */
class VersionOrderProperties {

  record Triple(VersionScheme scheme, String a, String b, String c) {}

  @Property(tries = 10000)
  void isATotalOrder(@ForAll("triples") Triple t) {
    Version a = t.scheme().parse(t.a());
    Version b = t.scheme().parse(t.b());
    Version c = t.scheme().parse(t.c());
    assertThat(a.compareTo(a)).isZero();
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).as("transitive").isLessThanOrEqualTo(0);
    }
    if (a.compareTo(b) == 0 && b.compareTo(c) == 0) {
      assertThat(a.compareTo(c)).as("equivalence is transitive").isZero();
    }
    if (a.compareTo(b) == 0) {
      assertThat(Integer.signum(a.compareTo(c))).as("equivalents order alike").isEqualTo(Integer.signum(b.compareTo(c)));
    }
  }

  @Provide
  Arbitrary<Triple> triples() {
    return Arbitraries.of(
            VersionSchemes.MAVEN,
            VersionSchemes.NPM,
            VersionSchemes.GO,
            VersionSchemes.CARGO,
            VersionSchemes.PYPI,
            VersionSchemes.NUGET,
            VersionSchemes.RUBYGEMS,
            VersionSchemes.DEBIAN,
            VersionSchemes.RPM,
            VersionSchemes.ALPINE)
        .flatMap(
            s -> {
              Arbitrary<String> v = versions(s);
              return Combinators.combine(v, v, v).as((a, b, c) -> new Triple(s, a, b, c));
            });
  }

  private static Arbitrary<String> versions(VersionScheme scheme) {
    Arbitrary<String> n = Arbitraries.of("0", "1", "2", "10", "01", "007", "20240101");
    Arbitrary<String> small = Arbitraries.of("0", "1", "2", "10");
    return switch (scheme.name()) {
      case "Maven" -> joined(
          Arbitraries.of("1", "0", "2", "10", "alpha", "beta", "rc", "cr", "sp", "snapshot", "ga",
              "final", "a1", "m2", "b", "foo", "release", "1a", ""),
          Arbitraries.of(".", "-"), 1, 5);
      case "npm", "crates.io", "Go" -> Combinators.combine(
              small, small, small,
              Arbitraries.of("", "-alpha", "-beta.2", "-rc.1", "-0", "-alpha.10", "-x-y", "-1.a"),
              Arbitraries.of("", "+build", "+001"))
          .as((a, b, c, pre, build) -> a + "." + b + "." + c + pre + build);
      case "PyPI" -> Arbitraries.oneOf(
          Combinators.combine(
                  Arbitraries.of("", "1!"),
                  joined(small, Arbitraries.of("."), 1, 4),
                  Arbitraries.of("", "a1", "b2", "rc1", ".alpha", "c", "-pre3"),
                  Arbitraries.of("", ".post1", "-2", "post0"),
                  Arbitraries.of("", ".dev1", "dev"),
                  Arbitraries.of("", "+local", "+1.a", "+abc.5"))
              .as((e, r, pre, post, dev, local) -> e + r + pre + post + dev + local),
          Arbitraries.of("0.3m1", "1.0-bulbasaur", "0.9-doduo", "1.0.x", "2.1_foo"));
      case "NuGet" -> Combinators.combine(
              joined(n, Arbitraries.of("."), 1, 4),
              Arbitraries.of("", "-beta", "-BETA", "-rc.1", "-1.2.a", "-alpha.10"),
              Arbitraries.of("", "+meta"))
          .as((r, pre, meta) -> r + pre + meta);
      case "RubyGems" -> Combinators.combine(
              n, joined(Arbitraries.of("0", "1", "2", "a", "pre", "beta2", "rc1", "10"),
                  Arbitraries.of("."), 0, 4))
          .as((first, rest) -> rest.isEmpty() ? first : first + "." + rest);
      case "Debian" -> Combinators.combine(
              Arbitraries.of("", "1:", "0:"),
              joined(Arbitraries.of("1", "0", "2", "10", "a", "b", "~rc1", "+dfsg", "~"),
                  Arbitraries.of(".", ""), 1, 4),
              Arbitraries.of("", "-1", "-0", "-1ubuntu1", "-1~deb12u1", "-2+b1"))
          .as((e, u, r) -> e + "1" + u + r);
      case "RPM" -> Combinators.combine(
              Arbitraries.of("", "1:", "0:"),
              joined(Arbitraries.of("1", "0", "2", "10", "a", "el8", "~rc1", "^git1", "_"),
                  Arbitraries.of(".", "", "_"), 1, 4),
              Arbitraries.of("", "-1", "-1.el9", "-0.1", "-"))
          .as((e, v, r) -> e + v + r);
      default -> Combinators.combine(  // Alpine
              joined(n, Arbitraries.of("."), 1, 4),
              Arbitraries.of("", "a", "z"),
              Arbitraries.of("", "_alpha", "_beta2", "_rc1", "_p3", "_git20240101", "_pre", "_rc1_p2"),
              Arbitraries.of("", "-r0", "-r1", "-r10"))
          .as((r, letter, suffix, rev) -> r + letter + suffix + rev);
    };
  }

  private static Arbitrary<String> joined(
      Arbitrary<String> tokens, Arbitrary<String> separators, int min, int max) {
    return Combinators.combine(
            tokens.list().ofMinSize(min).ofMaxSize(max), separators.list().ofSize(max))
        .as(
            (List<String> ts, List<String> seps) -> {
              StringBuilder out = new StringBuilder();
              for (int i = 0; i < ts.size(); i++) {
                if (i > 0) {
                  out.append(seps.get(i));
                }
                out.append(ts.get(i));
              }
              return out.toString();
            })
        .filter(s -> !s.isEmpty());
  }
}
