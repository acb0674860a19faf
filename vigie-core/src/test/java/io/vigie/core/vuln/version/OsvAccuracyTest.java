package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks range evaluation against the records' own explicit {@code versions} lists: where an
 * {@code affected[]} entry has both ECOSYSTEM/SEMVER ranges and a versions list, the ranges alone
 * must say "affected" for every listed version. Withdrawn records are skipped.
 */
class OsvAccuracyTest {

  /**
   * Records whose versions lists contradict their own ranges under the OSV evaluation algorithm,
   * checked by hand against the record; the evaluation is right, the upstream record is not.
   */
  private static final Map<String, String> UPSTREAM_DATA_ERRORS =
      Map.of(
          "PYSEC-2021-114",
          "wagtail: one events list mixes two branches ({introduced 2.11, fixed 2.11.7} and"
              + " {introduced 0, fixed 2.11.6}); sorted, fixed 2.11.6 closes the range before"
              + " 2.11.7, so the listed 2.11.6 is outside it. Two range objects were meant.",
          "PYSEC-2023-177",
          "gevent: the ECOSYSTEM range says fixed 23.9.0, yet versions lists 23.9.0 and"
              + " 23.9.0.post1 (the list seems expanded from the GIT range).",
          "PYSEC-2023-61",
          "django: ranges start at introduced 3.2 and 4.2, but versions lists 3.2a1/b1/rc1 and"
              + " 4.2a1/b1/rc1, which PEP 440 orders before 3.2 and 4.2.");

  private final Map<String, int[]> tally = new TreeMap<>(); // ecosystem -> {agree, total}
  private final List<String> disagreements = new ArrayList<>();

  @Test
  void rangesAgreeWithTheRecordsOwnVersionLists() throws IOException {
    Path osv = SharedData.dir("osv");
    for (String zip :
        List.of(
            "Go-all.zip",
            "PyPI-all.zip",
            "crates.io-all.zip",
            "OSS-Fuzz-all.zip",
            "AlmaLinux-all.zip")) {
      OsvRecords.forEachInZip(osv.resolve(zip), this::check);
    }
    OsvRecords.forEachInFolder(osv.resolve("GHSA-sample"), this::check);

    tally.forEach(
        (eco, n) ->
            System.out.printf(
                "OSV accuracy %-10s %6d / %6d listed versions inside the record's ranges (%.2f %%)%n",
                eco, n[0], n[1], n[1] == 0 ? 100.0 : 100.0 * n[0] / n[1]));
    disagreements.stream().limit(20).forEach(d -> System.out.println("  disagreement: " + d));
    List<String> disagreeingIds =
        disagreements.stream().map(d -> d.substring(0, d.indexOf(' '))).distinct().toList();
    assertThat(disagreeingIds)
        .as("disagreements not explained by a known upstream data error")
        .isSubsetOf(UPSTREAM_DATA_ERRORS.keySet());
    assertThat(UPSTREAM_DATA_ERRORS.keySet())
        .as("allow-listed records that no longer disagree (remove them)")
        .isSubsetOf(disagreeingIds);
    // only the PyPI advisories carry versions lists next to their ranges in this data set
    assertThat(tally).containsKey("PyPI");
  }

  private void check(JsonNode record) {
    if (record.hasNonNull("withdrawn")) {
      return;
    }
    String id = record.path("id").asText();
    for (JsonNode node : record.path("affected")) {
      OsvAffected full = OsvRecords.affected(node);
      List<OsvRange> versionRanges =
          full.ranges().stream().filter(r -> r.type() != RangeType.GIT).toList();
      if (versionRanges.isEmpty() || full.versions().isEmpty()) {
        continue;
      }
      String ecosystem = full.ecosystem().split(":")[0];
      if (VersionSchemes.forEcosystem(full.ecosystem()).isEmpty()
          && versionRanges.stream().anyMatch(r -> r.type() == RangeType.ECOSYSTEM)) {
        continue; // an ecosystem we do not claim (OSS-Fuzz uses GIT ranges)
      }
      AffectedMatcher rangesOnly =
          AffectedMatcher.of(
              new OsvAffected(full.ecosystem(), full.packageName(), versionRanges, List.of()));
      int[] n = tally.computeIfAbsent(ecosystem, e -> new int[2]);
      for (String version : full.versions()) {
        n[1]++;
        AffectedVerdict verdict = rangesOnly.evaluate(version);
        if (verdict instanceof AffectedVerdict.Affected) {
          n[0]++;
        } else {
          disagreements.add(id + " " + full.packageName() + " " + version + " -> " + verdict);
        }
      }
    }
  }
}
