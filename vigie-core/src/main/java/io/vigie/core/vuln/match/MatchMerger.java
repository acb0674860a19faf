package io.vigie.core.vuln.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges matches of one component that describe the same vulnerability (they share an ID or an
 * alias: a GHSA and a GO- record of one CVE, an OSV record and a CSAF advisory of it) into one
 * match that keeps every provenance line. Used on one matcher's output and again on the union of
 * several matchers (OSV, CSAF, CPE), so a vulnerability is reported once however many feeds know
 * it. Order of the result: component name, then lead ID.
 */
public final class MatchMerger {
  private MatchMerger() {}

  public static List<VulnerabilityMatch> merge(List<VulnerabilityMatch> matches) {
    if (matches.isEmpty()) {
      // The usual case, once per component of an SBOM: most components have no match, and the
      // maps and comparator chain below cost a few microseconds each time in a short run.
      return List.of();
    }
    Map<String, List<VulnerabilityMatch>> byComponent = new LinkedHashMap<>();
    for (VulnerabilityMatch m : matches) {
      byComponent.computeIfAbsent(m.componentRef(), k -> new ArrayList<>()).add(m);
    }
    List<VulnerabilityMatch> out = new ArrayList<>();
    byComponent.values().forEach(list -> out.addAll(mergeOneComponent(list)));
    out.sort(Comparator.comparing(VulnerabilityMatch::componentName).thenComparing(VulnerabilityMatch::id)
        .thenComparing(VulnerabilityMatch::componentRef));
    return List.copyOf(out);
  }

  /** Matches that share an ID or alias, directly or through others; the one formed last goes first. */
  private static final class Group {
    final java.util.ArrayDeque<VulnerabilityMatch> members = new java.util.ArrayDeque<>();
    final Set<String> ids = new java.util.HashSet<>();
    int formed;
  }

  /**
   * Groups one component's matches by shared ID or alias. Each match is looked up by its IDs in an
   * index of the groups so far, not compared with every group: a distribution package at an old
   * version can have hundreds of matches (one per CVE its advisories fix), which made the pairwise
   * comparison cost seconds on a large SBOM (bench/RESULTS.md, session 7). The members' order is
   * the one the pairwise merge gave, which decides the summary and the order of the vectors: the
   * new match first, then the groups it joins, the one formed last first.
   */
  private static List<VulnerabilityMatch> mergeOneComponent(List<VulnerabilityMatch> matches) {
    Map<String, Group> byId = new java.util.HashMap<>();
    List<Group> formed = new ArrayList<>();
    for (int step = 0; step < matches.size(); step++) {
      VulnerabilityMatch m = matches.get(step);
      List<String> own = new ArrayList<>(m.ids());
      own.add(m.id());
      List<Group> joined = new ArrayList<>();
      for (String id : own) {
        Group g = byId.get(id);
        if (g != null && !joined.contains(g)) {
          joined.add(g);
        }
      }
      joined.sort(Comparator.comparingInt((Group g) -> g.formed).reversed());
      Group group = joined.isEmpty() ? new Group() : joined.get(0);
      for (Group other : joined.subList(Math.min(1, joined.size()), joined.size())) {
        group.members.addAll(other.members);
        group.ids.addAll(other.ids);
        other.ids.forEach(id -> byId.put(id, group));
        other.members.clear();
      }
      group.members.addFirst(m);
      group.formed = step;
      for (String id : own) {
        group.ids.add(id);
        byId.put(id, group);
      }
      if (joined.isEmpty()) {
        formed.add(group);
      }
    }
    List<VulnerabilityMatch> out = new ArrayList<>();
    for (Group group : formed) {
      if (group.members.isEmpty()) {
        continue; // joined into a later group
      }
      TreeSet<String> ids = new TreeSet<>(group.ids);
      String lead = ids.stream().filter(x -> x.startsWith("CVE-")).findFirst().orElse(ids.first());
      VulnerabilityMatch first = group.members.getFirst();
      Set<String> vectors = new LinkedHashSet<>();
      String summary = "";
      List<VulnerabilityMatch.Provenance> provenance = new ArrayList<>();
      for (VulnerabilityMatch m : group.members) {
        vectors.addAll(m.cvssVectors());
        if (summary.isEmpty()) {
          summary = m.summary();
        }
        provenance.addAll(m.provenance());
      }
      provenance.sort(Comparator.comparing(VulnerabilityMatch.Provenance::confidence)
          .thenComparing(VulnerabilityMatch.Provenance::advisory));
      out.add(new VulnerabilityMatch(first.componentRef(), first.componentName(), first.version(), first.purl(), lead,
          List.copyOf(ids), summary, List.copyOf(vectors), List.copyOf(new LinkedHashSet<>(provenance))));
    }
    return out;
  }
}
