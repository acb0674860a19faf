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
 * Every version written in the OSV data (range events and versions lists) of an ecosystem we
 * claim must parse under its scheme, or the matcher would answer "not evaluable" for it. This
 * covers the ecosystems (Go, crates.io, AlmaLinux, Maven, npm) whose records carry no versions
 * list to cross-check ranges with.
 */
class OsvEventVersionsParseTest {

  private final Map<String, int[]> tally = new TreeMap<>(); // ecosystem -> {parsed, total}
  private final List<String> refused = new ArrayList<>();

  @Test
  void everyVersionInTheDataParses() throws IOException {
    Path osv = SharedData.dir("osv");
    for (String zip : List.of("Go-all.zip", "PyPI-all.zip", "crates.io-all.zip", "AlmaLinux-all.zip")) {
      OsvRecords.forEachInZip(osv.resolve(zip), this::check);
    }
    OsvRecords.forEachInFolder(osv.resolve("GHSA-sample"), this::check);
    tally.forEach(
        (eco, n) ->
            System.out.printf(
                "OSV versions parsed %-10s %6d / %6d%n", eco, n[0], n[1]));
    refused.stream().limit(20).forEach(r -> System.out.println("  refused: " + r));
    assertThat(refused).isEmpty();
    assertThat(tally).containsKeys("Go", "PyPI", "crates.io", "AlmaLinux", "Maven", "npm");
  }

  private void check(JsonNode record) {
    if (record.hasNonNull("withdrawn")) {
      return;
    }
    for (JsonNode node : record.path("affected")) {
      OsvAffected affected = OsvRecords.affected(node);
      String ecosystem = affected.ecosystem().split(":")[0];
      for (OsvRange range : affected.ranges()) {
        if (range.type() == RangeType.GIT) {
          continue;
        }
        VersionScheme scheme =
            range.type() == RangeType.SEMVER
                ? VersionSchemes.SEMVER
                : VersionSchemes.forEcosystem(affected.ecosystem()).orElseThrow();
        for (OsvEvent e : range.events()) {
          if (!e.isFromTheStart() && !e.isNoLimit()) {
            count(record, ecosystem, scheme, e.version());
          }
        }
      }
      VersionSchemes.forEcosystem(affected.ecosystem())
          .ifPresent(s -> affected.versions().forEach(v -> count(record, ecosystem, s, v)));
    }
  }

  private void count(JsonNode record, String ecosystem, VersionScheme scheme, String version) {
    int[] n = tally.computeIfAbsent(ecosystem, e -> new int[2]);
    n[1]++;
    if (scheme.isValid(version)) {
      n[0]++;
    } else {
      refused.add(record.path("id").asText() + " " + scheme.name() + " '" + version + "'");
    }
  }
}
