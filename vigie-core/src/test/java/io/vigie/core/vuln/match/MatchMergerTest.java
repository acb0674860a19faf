package io.vigie.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.vuln.match.VulnerabilityMatch.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link MatchMerger} groups a component's matches through an index of their IDs instead of
 * comparing each with every group (session 7: seconds on a distribution SBOM). What it answers
 * must not change: the same groups, lead IDs, summaries (the first of the members in their order),
 * vectors in the same order and provenance lines. {@link #pairwise} is the merge it replaced, kept
 * here as the oracle.
 */
class MatchMergerTest {

  @Test
  void aGhsaAndAGoRecordOfOneCveAreOneFindingWithBothProvenanceLines() {
    VulnerabilityMatch ghsa = match("c1", "GHSA-aaaa", List.of("CVE-2024-1"), "from GHSA", "CVSS:3.1/AV:N", "GHSA-sample");
    VulnerabilityMatch go = match("c1", "GO-2024-1", List.of("CVE-2024-1", "GHSA-aaaa"), "", "CVSS:3.1/AV:L", "Go");
    VulnerabilityMatch other = match("c1", "GO-2024-2", List.of("CVE-2024-2"), "another", "", "Go");

    List<VulnerabilityMatch> merged = MatchMerger.merge(List.of(ghsa, go, other));

    assertThat(merged).hasSize(2);
    VulnerabilityMatch one = merged.get(0);
    assertThat(one.id()).isEqualTo("CVE-2024-1");
    assertThat(one.ids()).containsExactly("CVE-2024-1", "GHSA-aaaa", "GO-2024-1");
    assertThat(one.provenance()).extracting(Provenance::advisory).containsExactly("GHSA-aaaa", "GO-2024-1");
    assertThat(merged.get(1).id()).isEqualTo("CVE-2024-2");
  }

  @Test
  void twoGroupsJoinedByALaterMatchBecomeOne() {
    VulnerabilityMatch a = match("c1", "A-1", List.of("CVE-1"), "a", "", "s");
    VulnerabilityMatch b = match("c1", "B-1", List.of("CVE-2"), "b", "", "s");
    VulnerabilityMatch bridge = match("c1", "C-1", List.of("CVE-1", "CVE-2"), "", "", "s");

    assertThat(MatchMerger.merge(List.of(a, b, bridge))).singleElement()
        .satisfies(m -> assertThat(m.ids()).containsExactly("A-1", "B-1", "C-1", "CVE-1", "CVE-2"));
    assertThat(MatchMerger.merge(List.of(a, b, bridge))).isEqualTo(pairwise(List.of(a, b, bridge)));
  }

  @Test
  void givesWhatThePairwiseMergeGaveOnManyRandomSets() {
    // IDs drawn from small pools, so that matches share them often, chains and bridges included;
    // several components, summaries sometimes empty, vectors and provenance lines repeated.
    Random random = new Random(20261129);
    for (int round = 0; round < 2_000; round++) {
      List<VulnerabilityMatch> matches = new ArrayList<>();
      int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 25);
      int pool = 1 + random.nextInt(Math.max(1, n));
      for (int i = 0; i < n; i++) {
        String component = "c" + random.nextInt(3);
        List<String> aliases = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          aliases.add((random.nextBoolean() ? "CVE-" : "GHSA-") + random.nextInt(pool));
        }
        matches.add(match(component, "ADV-" + random.nextInt(pool * 2), aliases,
            random.nextInt(3) == 0 ? "" : "summary " + i, random.nextBoolean() ? "" : "CVSS:3.1/v" + random.nextInt(4),
            "source" + random.nextInt(2)));
      }
      assertThat(MatchMerger.merge(matches)).as("round %d", round).isEqualTo(pairwise(matches));
    }
  }

  private static VulnerabilityMatch match(String component, String id, List<String> aliases, String summary,
      String vector, String source) {
    return new VulnerabilityMatch(component, "name-" + component, "1.0", "pkg:pypi/name-" + component + "@1.0", id,
        aliases, summary, vector.isEmpty() ? List.of() : List.of(vector),
        List.of(new Provenance(id, source, id + ".json", MatchMethod.PACKAGE_URL_RANGE, MatchConfidence.HIGH, "rule")));
  }

  /** The merge before session 7: each match compared with every group so far. */
  private static List<VulnerabilityMatch> pairwise(List<VulnerabilityMatch> matches) {
    if (matches.isEmpty()) {
      return List.of();
    }
    java.util.Map<String, List<VulnerabilityMatch>> byComponent = new java.util.LinkedHashMap<>();
    for (VulnerabilityMatch m : matches) {
      byComponent.computeIfAbsent(m.componentRef(), k -> new ArrayList<>()).add(m);
    }
    List<VulnerabilityMatch> out = new ArrayList<>();
    for (List<VulnerabilityMatch> list : byComponent.values()) {
      List<Set<String>> groups = new ArrayList<>();
      List<List<VulnerabilityMatch>> members = new ArrayList<>();
      for (VulnerabilityMatch m : list) {
        Set<String> ids = new LinkedHashSet<>(m.ids());
        ids.add(m.id());
        List<VulnerabilityMatch> joined = new ArrayList<>(List.of(m));
        for (int i = groups.size() - 1; i >= 0; i--) {
          if (groups.get(i).stream().anyMatch(ids::contains)) {
            ids.addAll(groups.remove(i));
            joined.addAll(members.remove(i));
          }
        }
        groups.add(ids);
        members.add(joined);
      }
      for (int i = 0; i < groups.size(); i++) {
        TreeSet<String> ids = new TreeSet<>(groups.get(i));
        String lead = ids.stream().filter(x -> x.startsWith("CVE-")).findFirst().orElse(ids.first());
        List<VulnerabilityMatch> group = members.get(i);
        VulnerabilityMatch first = group.get(0);
        Set<String> vectors = new LinkedHashSet<>();
        String summary = "";
        List<Provenance> provenance = new ArrayList<>();
        for (VulnerabilityMatch m : group) {
          vectors.addAll(m.cvssVectors());
          if (summary.isEmpty()) {
            summary = m.summary();
          }
          provenance.addAll(m.provenance());
        }
        provenance.sort(Comparator.comparing(Provenance::confidence).thenComparing(Provenance::advisory));
        out.add(new VulnerabilityMatch(first.componentRef(), first.componentName(), first.version(), first.purl(), lead,
            List.copyOf(ids), summary, List.copyOf(vectors), List.copyOf(new LinkedHashSet<>(provenance))));
      }
    }
    out.sort(Comparator.comparing(VulnerabilityMatch::componentName).thenComparing(VulnerabilityMatch::id)
        .thenComparing(VulnerabilityMatch::componentRef));
    return List.copyOf(out);
  }
}
