package io.vigie.core.vuln.version;

import static io.vigie.core.vuln.version.OsvEvent.fixed;
import static io.vigie.core.vuln.version.OsvEvent.introduced;
import static io.vigie.core.vuln.version.OsvEvent.lastAffected;
import static io.vigie.core.vuln.version.OsvEvent.limit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AffectedMatcherTest {

  private static OsvAffected maven(OsvRange... ranges) {
    return new OsvAffected("Maven", "g:a", List.of(ranges), List.of());
  }

  @Test
  void introducedZeroUntilFixedCoversEverythingBeforeTheFix() {
    OsvAffected a = maven(OsvRange.of(RangeType.ECOSYSTEM, introduced("0"), fixed("2.15.0")));
    assertThat(a.affects("1.0")).isTrue();
    assertThat(a.affects("2.15.0-rc1")).isTrue();
    assertThat(a.affects("2.15.0")).isFalse();
    assertThat(a.evaluate("2.15.0")).isInstanceOf(AffectedVerdict.NotAffected.class);
  }

  @Test
  void lastAffectedIsInclusive() {
    OsvAffected a = maven(OsvRange.of(RangeType.ECOSYSTEM, introduced("0"), lastAffected("2.1.214")));
    assertThat(a.affects("2.1.214")).isTrue();
    assertThat(a.affects("2.1.215")).isFalse();
  }

  @Test
  void eventsAreSortedByTheSchemeNotByTheirPositionInTheRecord() {
    OsvAffected a =
        maven(OsvRange.of(RangeType.ECOSYSTEM, fixed("3.2.5"), introduced("3.0.0"), fixed("1.0.2"), introduced("1.0.0")));
    assertThat(a.affects("1.0.1")).isTrue();
    assertThat(a.affects("2.0")).isFalse();
    assertThat(a.affects("3.1")).isTrue();
    assertThat(a.affects("3.2.5")).isFalse();
  }

  @Test
  void adjacentIntervalsListedOutOfOrderAreTheirUnion() {
    // PYSEC-2022-42972 (apache-iotdb, CVE-2022-43766) as published: [0.13.0, 0.14.0rc1) then
    // [0.12.2, 0.13.0). Sorted naively, "introduced 0.13.0" fell before "fixed 0.13.0" and 0.13.2
    // came out not affected; the peer benchmark against Trivy caught it.
    OsvAffected a = new OsvAffected("PyPI", "apache-iotdb", List.of(OsvRange.of(RangeType.ECOSYSTEM,
        introduced("0.13.0"), fixed("0.14.0rc1"), introduced("0.12.2"), fixed("0.13.0"))), List.of());
    assertThat(a.affects("0.12.1")).isFalse();
    assertThat(a.affects("0.12.2")).isTrue();
    assertThat(a.affects("0.13.0")).isTrue();
    assertThat(a.affects("0.13.2")).isTrue();
    assertThat(a.affects("0.14.0rc1")).isFalse();
    assertThat(a.evaluate("0.13.2")).isInstanceOfSatisfying(AffectedVerdict.Affected.class, v ->
        assertThat(v.evidence().get(0).explain()).isEqualTo("range 1 (ECOSYSTEM): introduced 0.13.0, fixed 0.14.0rc1"));
  }

  @Test
  void limitBoundsTheRange() {
    OsvAffected a = maven(OsvRange.of(RangeType.ECOSYSTEM, introduced("1.0"), limit("2.0")));
    assertThat(a.affects("1.5")).isTrue();
    assertThat(a.affects("2.0")).isFalse();
    assertThat(maven(OsvRange.of(RangeType.ECOSYSTEM, introduced("1.0"), limit("*"))).affects("9")).isTrue();
  }

  @Test
  void rangesAndExplicitVersionsAreOred() {
    OsvAffected a =
        new OsvAffected(
            "PyPI",
            "django",
            List.of(OsvRange.of(RangeType.ECOSYSTEM, introduced("4.0"), fixed("4.1"))),
            List.of("3.2.1", "4.0.1"));
    AffectedVerdict onlyListed = a.evaluate("3.2.1");
    assertThat(onlyListed)
        .isEqualTo(new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("3.2.1"))));
    AffectedVerdict both = a.evaluate("4.0.1");
    assertThat(((AffectedVerdict.Affected) both).evidence()).hasSize(2);
    // PEP 440 equivalence: 3.2.1.0 is the listed 3.2.1
    assertThat(a.evaluate("3.2.1.0"))
        .isEqualTo(new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("3.2.1"))));
  }

  @Test
  void anEquivalentVersionIsNamedByTheFirstListedTextOfItsClassWhicheverThreadAsksFirst() throws Exception {
    OsvAffected a = new OsvAffected("PyPI", "django", List.of(),
        List.of("banana", "2.0", "3.2.1.0", "3.2.1", "3.2.1.0.0", "4.0rc1"));
    for (int round = 0; round < 20; round++) {
      AffectedMatcher shared = AffectedMatcher.of(a); // its list is made ready at the first evaluation
      List<java.util.concurrent.Callable<AffectedVerdict>> asks = new java.util.ArrayList<>();
      for (String v : List.of("3.2.1", "3.2.1.00", "4.0.0rc1", "3.2.2", "banana")) {
        asks.add(() -> shared.evaluate(v));
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
      try {
        List<AffectedVerdict> got = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<AffectedVerdict> f : pool.invokeAll(asks)) {
          got.add(f.get());
        }
        assertThat(got).containsExactly(
            new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("3.2.1"))), // verbatim
            new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("3.2.1.0"))), // first of its class
            new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("4.0rc1"))),
            new AffectedVerdict.NotAffected(),
            new AffectedVerdict.Affected(List.of(new AffectedVerdict.ListedExplicitly("banana")))); // verbatim, unparsable
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void evidenceNamesTheRangeAndItsBounds() {
    OsvAffected a =
        maven(
            OsvRange.of(RangeType.ECOSYSTEM, introduced("0"), fixed("1.0")),
            OsvRange.of(RangeType.ECOSYSTEM, introduced("2.0-beta9"), fixed("2.15.0")));
    AffectedVerdict.Affected v = (AffectedVerdict.Affected) a.evaluate("2.14.1");
    assertThat(v.evidence())
        .containsExactly(
            new AffectedVerdict.InRange(1, RangeType.ECOSYSTEM, introduced("2.0-beta9"), Optional.of(fixed("2.15.0"))));
    assertThat(v.evidence().get(0).explain()).isEqualTo("range 2 (ECOSYSTEM): introduced 2.0-beta9, fixed 2.15.0");
  }

  @Test
  void gitRangesAreNotEvaluableAndSaySo() {
    OsvAffected a =
        new OsvAffected(
            "OSS-Fuzz", "icu", List.of(OsvRange.of(RangeType.GIT, introduced("6e5755a2"), fixed("c4345574"))), List.of());
    AffectedVerdict v = a.evaluate("1.0");
    assertThat(v).isInstanceOf(AffectedVerdict.NotEvaluable.class);
    assertThat(((AffectedVerdict.NotEvaluable) v).reasons()).singleElement().asString().contains("GIT");
    assertThat(a.affects("1.0")).isFalse();
  }

  @Test
  void unknownEcosystemAndInvalidVersionAreNotEvaluableRatherThanNotAffected() {
    OsvAffected hex = new OsvAffected("Hex", "plug", List.of(OsvRange.of(RangeType.ECOSYSTEM, introduced("0"), fixed("1.0.0"))), List.of());
    assertThat(((AffectedVerdict.NotEvaluable) hex.evaluate("0.5.0")).reasons()).singleElement().asString().contains("Hex");
    OsvAffected npm = new OsvAffected("npm", "x", List.of(OsvRange.of(RangeType.SEMVER, introduced("0"), fixed("1.0.0"))), List.of());
    assertThat(npm.evaluate("not-a-version")).isInstanceOf(AffectedVerdict.NotEvaluable.class);
  }

  @Test
  void log4ShellGoldenCasesFromTheGitHubAdvisory() throws IOException {
    List<OsvAffected> affected = new ArrayList<>();
    OsvRecords.forEachInFolder(
        SharedData.dir("osv/GHSA-sample"),
        record -> {
          if (record.path("id").asText().equals("GHSA-jfh8-c2jp-5v3q")) {
            record.path("affected").forEach(n -> affected.add(OsvRecords.affected(n)));
          }
        });
    // the record splits log4j-core over three affected[] entries (0..2.3.1, 2.4..2.12.2,
    // 2.13.0..2.15.0, the back-ported fixes); IsVulnerable ORs the entries of the package
    List<AffectedMatcher> core =
        affected.stream()
            .filter(a -> a.packageName().equals("org.apache.logging.log4j:log4j-core"))
            .map(AffectedMatcher::of)
            .toList();
    assertThat(core).hasSize(3);
    for (String v : List.of("2.14.1", "2.0-beta9", "2.3", "2.12.1", "2.13.0")) {
      assertThat(core).as(v).anyMatch(m -> m.evaluate(v) instanceof AffectedVerdict.Affected);
    }
    for (String v : List.of("2.3.1", "2.12.2", "2.15.0", "2.17.1")) {
      assertThat(core).as(v).allMatch(m -> m.evaluate(v) instanceof AffectedVerdict.NotAffected);
    }
  }
}
