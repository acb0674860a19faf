package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ceiling lets a scan skip a package's entries for a version above it, so it must never be
 * exceeded by a version some entry affects: checked against {@link AffectedMatcher#evaluate} on
 * random entries and on every package of the OSV data in ../shared/data.
 */
class AffectedCeilingTest {

  private static OsvAffected entry(String ecosystem, List<String> versions, OsvRange... ranges) {
    return new OsvAffected(ecosystem, "pkg", List.of(ranges), versions);
  }

  @Test
  void aFixedRangeIsBoundedByItsHighestEventAndAnOpenOneIsNot() {
    AffectedCeiling fixed = AffectedCeiling.of(entry("PyPI", List.of(),
        OsvRange.of(RangeType.ECOSYSTEM, OsvEvent.introduced("0"), OsvEvent.fixed("1.4")),
        OsvRange.of(RangeType.ECOSYSTEM, OsvEvent.introduced("2.0"), OsvEvent.fixed("2.0.3"))));
    assertThat(fixed.isExceededBy("2.0.3")).as("equal to the highest event: not above it").isFalse();
    assertThat(fixed.isExceededBy("2.0.3.post1")).isTrue();
    assertThat(fixed.isExceededBy("1.9")).as("between the ranges: not affected, but not above").isFalse();
    assertThat(fixed.isExceededBy("not a version")).isFalse();

    AffectedCeiling reopened = AffectedCeiling.of(entry("PyPI", List.of(),
        OsvRange.of(RangeType.ECOSYSTEM, OsvEvent.introduced("0"), OsvEvent.fixed("1.4"), OsvEvent.introduced("3.0"))));
    assertThat(reopened.isUnbounded()).isTrue();
    assertThat(reopened.isExceededBy("999")).isFalse();
  }

  @Test
  void lastAffectedAndLimitsBoundARangeAndGitRangesSetNoBound() {
    AffectedCeiling lastAffected = AffectedCeiling.of(entry("Go", List.of(),
        OsvRange.of(RangeType.SEMVER, OsvEvent.introduced("0"), OsvEvent.lastAffected("1.2.3"))));
    assertThat(lastAffected.isExceededBy("1.2.3")).isFalse();
    assertThat(lastAffected.isExceededBy("1.2.4")).isTrue();

    AffectedCeiling limited = AffectedCeiling.of(entry("npm", List.of(),
        OsvRange.of(RangeType.SEMVER, OsvEvent.introduced("0"), OsvEvent.limit("2.0.0"))));
    assertThat(limited.isExceededBy("2.0.1")).isTrue();
    AffectedCeiling noLimit = AffectedCeiling.of(entry("npm", List.of(),
        OsvRange.of(RangeType.SEMVER, OsvEvent.introduced("0"), OsvEvent.limit("2.0.0"), OsvEvent.limit("*"))));
    assertThat(noLimit.isUnbounded()).isTrue();

    AffectedCeiling git = AffectedCeiling.of(entry("OSS-Fuzz", List.of(),
        OsvRange.of(RangeType.GIT, OsvEvent.introduced("0"), OsvEvent.fixed("abc123"))));
    assertThat(git).isEqualTo(AffectedCeiling.NONE);
  }

  @Test
  void aListIsBoundedByItsHighestVersionUnlessTheEcosystemCannotOrderIt() {
    AffectedCeiling listed = AffectedCeiling.of(entry("PyPI", List.of("1.0", "1.10", "1.9")));
    assertThat(listed.isExceededBy("1.10")).isFalse();
    assertThat(listed.isExceededBy("1.11")).isTrue();
    assertThat(AffectedCeiling.of(entry("SomeEcosystem", List.of("1.0"))).isUnbounded()).isTrue();
    assertThat(AffectedCeiling.of(entry("npm", List.of("not a version"))).isUnbounded()).isTrue();
  }

  @Test
  void aVersionMustBeAboveTheCeilingInEveryOrderingItNames() {
    // Go advisories: SEMVER ranges and Go's own ordering for listed versions.
    AffectedCeiling both = AffectedCeiling.of(entry("Go", List.of("v1.5.0"),
        OsvRange.of(RangeType.SEMVER, OsvEvent.introduced("0"), OsvEvent.fixed("1.2.0"))));
    assertThat(both.isExceededBy("v1.3.0")).as("above the range, below the listed v1.5.0").isFalse();
    assertThat(both.isExceededBy("v1.6.0")).isTrue();
  }

  @Test
  void ceilingsCombineToTheHigherInEachOrderingAndUnboundedAbsorbs() {
    AffectedCeiling a = AffectedCeiling.of(entry("PyPI", List.of("1.0")));
    AffectedCeiling b = AffectedCeiling.of(entry("PyPI", List.of("2.0")));
    assertThat(a.with(b)).isEqualTo(b).isEqualTo(b.with(a));
    assertThat(a.with(AffectedCeiling.NONE)).isEqualTo(a);
    assertThat(a.with(AffectedCeiling.UNBOUNDED).isUnbounded()).isTrue();
    assertThat(AffectedCeiling.UNBOUNDED.with(a).isUnbounded()).isTrue();
  }

  @Test
  void theStoredTextReadsBackAndAnythingUnexpectedReadsAsUnbounded() {
    AffectedCeiling c = AffectedCeiling.of(entry("Go", List.of("v1.5.0"),
        OsvRange.of(RangeType.SEMVER, OsvEvent.introduced("0"), OsvEvent.fixed("1.2.0"))));
    assertThat(c.encode()).isEqualTo("Go\tv1.5.0\nSemVer\t1.2.0");
    assertThat(AffectedCeiling.decode(c.encode())).isEqualTo(c);
    assertThat(AffectedCeiling.decode("none")).isEqualTo(AffectedCeiling.NONE);
    assertThat(AffectedCeiling.decode("unbounded").isUnbounded()).isTrue();
    for (String damaged : new String[] {null, "", "Cobol\t1.0", "PyPI", "SemVer\tnot a version",
        "PyPI\t1.0\nPyPI\t2.0", "PyPI\t1.0\n"}) {
      assertThat(AffectedCeiling.decode(damaged).isUnbounded()).as(String.valueOf(damaged)).isTrue();
    }
  }

  /** Random entries over a small pool of versions, so that events, limits and probes collide. */
  @Test
  void noVersionAboveARandomEntrysCeilingIsAffectedByIt() {
    Random random = new Random(20261129);
    String[] pool = {"0.9", "1.0", "1.0.1", "1.1", "1.2rc1", "1.2", "2.0", "2.0.post1", "3.0a1", "3.0", "10.0"};
    OsvEvent.Kind[] kinds = OsvEvent.Kind.values();
    int exceeded = 0;
    int bounded = 0;
    for (int run = 0; run < 5000; run++) {
      List<OsvRange> ranges = new ArrayList<>();
      for (int r = random.nextInt(3); r >= 0; r--) {
        List<OsvEvent> events = new ArrayList<>();
        for (int e = random.nextInt(4); e >= 0; e--) {
          OsvEvent.Kind kind = kinds[random.nextInt(kinds.length)];
          String version = random.nextInt(6) == 0 ? (kind == OsvEvent.Kind.LIMIT ? "*" : kind == OsvEvent.Kind.INTRODUCED
              ? "0" : pool[random.nextInt(pool.length)]) : pool[random.nextInt(pool.length)];
          events.add(new OsvEvent(kind, version));
        }
        ranges.add(new OsvRange(random.nextInt(8) == 0 ? RangeType.GIT : RangeType.ECOSYSTEM, events));
      }
      List<String> versions = new ArrayList<>();
      for (int v = random.nextInt(4) - 2; v >= 0; v--) {
        versions.add(pool[random.nextInt(pool.length)]);
      }
      OsvAffected e = new OsvAffected("PyPI", "pkg", ranges, versions);
      AffectedCeiling ceiling = AffectedCeiling.of(e);
      bounded += ceiling.isUnbounded() ? 0 : 1;
      for (String probe : pool) {
        if (ceiling.isExceededBy(probe)) {
          exceeded++;
          assertThat(e.evaluate(probe)).as(e + " at " + probe + ", ceiling " + ceiling)
              .isNotInstanceOf(AffectedVerdict.Affected.class);
        }
      }
    }
    assertThat(bounded).as("random entries with a ceiling").isGreaterThan(1000);
    assertThat(exceeded).as("probes above a ceiling").isGreaterThan(5000);
  }

  /**
   * Every package of every OSV record in ../shared/data: its entries' ceiling, and each version
   * they name and a few just above it as probes. A probe above the ceiling must be affected by no
   * entry, compared as given or with any epoch the entry's versions carry (the matcher assumes an
   * advisory's epoch for a distribution package whose package URL gives none).
   */
  @Test
  void noVersionAboveAPackagesCeilingIsAffectedInTheSharedData() throws IOException {
    Map<String, List<OsvAffected>> byPackage = new LinkedHashMap<>();
    Path osv = SharedData.dir("osv");
    for (String zip : List.of("Go-all.zip", "PyPI-all.zip", "crates.io-all.zip", "OSS-Fuzz-all.zip", "AlmaLinux-all.zip")) {
      OsvRecords.forEachInZip(osv.resolve(zip), r -> collect(r, byPackage));
    }
    OsvRecords.forEachInFolder(osv.resolve("GHSA-sample"), r -> collect(r, byPackage));

    Map<String, int[]> tally = new TreeMap<>(); // ecosystem -> packages, bounded, probes above
    for (List<OsvAffected> entries : byPackage.values()) {
      AffectedCeiling ceiling = AffectedCeiling.NONE;
      Set<String> named = new LinkedHashSet<>();
      for (OsvAffected e : entries) {
        ceiling = ceiling.with(AffectedCeiling.of(e));
        e.ranges().forEach(r -> r.events().forEach(ev -> named.add(ev.version())));
        named.addAll(e.versions());
      }
      int[] n = tally.computeIfAbsent(entries.get(0).ecosystem().split(":")[0], k -> new int[3]);
      n[0]++;
      n[1] += ceiling.isUnbounded() ? 0 : 1;
      for (String probe : probes(named)) {
        if (!ceiling.isExceededBy(probe)) {
          continue;
        }
        n[2]++;
        for (OsvAffected e : entries) {
          AffectedMatcher matcher = AffectedMatcher.of(e);
          for (String asEvaluated : withEpochs(probe, e)) {
            assertThat(matcher.evaluate(asEvaluated)).as(e + " at " + asEvaluated + ", ceiling " + ceiling)
                .isNotInstanceOf(AffectedVerdict.Affected.class);
          }
        }
      }
    }
    tally.forEach((eco, n) -> System.out.printf(
        "ceiling %-10s %6d packages, %6d bounded, %7d probes above the ceiling%n", eco, n[0], n[1], n[2]));
    // Not vacuous: most packages of the ecosystems Vigie orders have a ceiling, and probes above it.
    for (String eco : List.of("AlmaLinux", "Go", "PyPI", "crates.io")) {
      assertThat(tally.get(eco)[1]).as(eco + " packages with a ceiling").isGreaterThan(tally.get(eco)[0] / 2);
      assertThat(tally.get(eco)[2]).as(eco + " probes above a ceiling").isGreaterThan(tally.get(eco)[0]);
    }
  }

  private static void collect(JsonNode record, Map<String, List<OsvAffected>> byPackage) {
    for (JsonNode node : record.path("affected")) {
      OsvAffected e = OsvRecords.affected(node);
      byPackage.computeIfAbsent(e.ecosystem() + "\u0000" + e.packageName(), k -> new ArrayList<>()).add(e);
    }
  }

  private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(?!.*\\d)");
  private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

  /** Each named version, and versions just above it and far above it, in the forms SBOMs use. */
  private static Set<String> probes(Set<String> named) {
    Set<String> out = new LinkedHashSet<>(List.of("999", "999.0.0", "v999.0.0", "999.0-1.el9", "999:1.0-1"));
    for (String v : named) {
      out.add(v);
      out.add(v + ".1");
      out.add(v + "1");
      out.add(v + ".post1");
      Matcher last = LAST_NUMBER.matcher(v);
      if (last.find() && last.group(1).length() < 10) {
        out.add(v.substring(0, last.start()) + (Long.parseLong(last.group(1)) + 1) + v.substring(last.end()));
      }
      Matcher first = FIRST_NUMBER.matcher(v);
      if (first.find() && first.group().length() < 10) {
        out.add(v.substring(0, first.start()) + (Long.parseLong(first.group()) + 1) + v.substring(first.end()));
      }
    }
    return out;
  }

  /**
   * The probe, and, if it has no epoch ({@code N:}), the probe with each epoch the entry's
   * versions carry: the matcher assumes one only for a version that gives none.
   */
  private static Set<String> withEpochs(String probe, OsvAffected e) {
    Set<String> out = new LinkedHashSet<>(List.of(probe));
    if (hasEpoch(probe)) {
      return out;
    }
    List<String> texts = new ArrayList<>(e.versions());
    e.ranges().forEach(r -> r.events().forEach(ev -> texts.add(ev.version())));
    for (String t : texts) {
      if (hasEpoch(t)) {
        out.add(t.substring(0, t.indexOf(':')) + ":" + probe);
      }
    }
    return out;
  }

  private static boolean hasEpoch(String version) {
    int colon = version.indexOf(':');
    return colon > 0 && version.substring(0, colon).chars().allMatch(Character::isDigit);
  }
}
