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

  private static List<VulnerabilityMatch> mergeOneComponent(List<VulnerabilityMatch> matches) {
    List<Set<String>> groups = new ArrayList<>();
    List<List<VulnerabilityMatch>> members = new ArrayList<>();
    for (VulnerabilityMatch m : matches) {
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
    List<VulnerabilityMatch> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      TreeSet<String> ids = new TreeSet<>(groups.get(i));
      String lead = ids.stream().filter(x -> x.startsWith("CVE-")).findFirst().orElse(ids.first());
      List<VulnerabilityMatch> group = members.get(i);
      VulnerabilityMatch first = group.get(0);
      Set<String> vectors = new LinkedHashSet<>();
      String summary = "";
      List<VulnerabilityMatch.Provenance> provenance = new ArrayList<>();
      for (VulnerabilityMatch m : group) {
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
