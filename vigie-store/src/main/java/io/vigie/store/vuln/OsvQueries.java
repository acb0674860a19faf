package io.vigie.store.vuln;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.match.AdvisorySource;
import io.vigie.core.vuln.match.AdvisorySource.Package;
import io.vigie.formats.vuln.OsvReader;
import io.vigie.store.JdbcReads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OSV side of a scan's queries: the advisories of many packages at once, each advisory read
 * and parsed once.
 *
 * <p>Why: a distribution's advisory lists every binary package of its source package (AlmaLinux 9:
 * 1,783 advisories name 2,934 packages through 23,051 entries), so asking package by package read
 * and parsed the same record a dozen times over and kept every copy. A 10,000-component SBOM whose
 * components are real packages took 22 s and 1.6 GB that way, against all the data of
 * ../shared/data (bench/RESULTS.md, session 7). Here a scan looks up each package name once for its
 * advisory IDs, then each advisory not read yet once for its record, through two prepared
 * statements ({@link JdbcReads#listEach} says why not IN lists).
 */
final class OsvQueries {
  private final JdbcReads reads;
  private final OsvReader reader = new OsvReader();

  OsvQueries(JdbcReads reads) {
    this.reads = reads;
  }

  /**
   * Every advisory with an affected entry for each package, withdrawn ones included, ordered by
   * ID; {@code parsed} holds the advisories already read, by ID, and gains the ones read now.
   * {@code AlmaLinux} also finds {@code AlmaLinux:9} entries, {@code AlmaLinux:9} only those.
   */
  Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages, Map<String, Advisory> parsed) {
    Map<String, List<Package>> byName = new HashMap<>();
    Map<Package, Set<String>> ids = new LinkedHashMap<>();
    for (Package p : packages) {
      if (ids.putIfAbsent(p, new TreeSet<>()) == null) {
        byName.computeIfAbsent(AdvisoryWriter.text(p.name()), k -> new ArrayList<>()).add(p);
      }
    }
    List<String[]> entries = reads.listEach("SELECT advisory_id, ecosystem, package_name FROM affected_package"
        + " WHERE package_name = ?", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
        byName.keySet());
    for (String[] e : entries) {
      for (Package p : byName.get(e[2])) {
        if (covers(AdvisoryWriter.text(p.ecosystem()), e[1])) {
          ids.get(p).add(e[0]);
        }
      }
    }
    Set<String> unread = new TreeSet<>();
    ids.values().forEach(unread::addAll);
    unread.removeAll(parsed.keySet());
    List<String[]> rows = reads.listEach("SELECT id, source, source_record, raw_json FROM advisory WHERE id = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, unread);
    // Parsing the records is most of the time: on every core, after the rows are read; the map is
    // the caller's, filled from this thread.
    List<Advisory> read = rows.parallelStream().map(r -> rebuild(r[0], r[1], r[2], r[3])).toList();
    for (int i = 0; i < rows.size(); i++) {
      parsed.put(rows.get(i)[0], read.get(i));
    }
    Map<Package, List<Advisory>> out = new LinkedHashMap<>();
    // An ID whose record is gone was replaced by a concurrent import (a server only): left out.
    ids.forEach((p, set) -> out.put(p, set.stream().map(parsed::get).filter(a -> a != null).toList()));
    return out;
  }

  /** A source for one scan: the package names advisories cover read once, each advisory parsed once. */
  AdvisorySource source(Set<String> knownNames) {
    return new Source(knownNames);
  }

  private final class Source implements AdvisorySource {
    private final Set<String> names;
    private final Map<String, Advisory> parsed = new ConcurrentHashMap<>();
    private final Map<Package, List<Advisory>> byPackage = new ConcurrentHashMap<>();

    Source(Set<String> names) {
      this.names = names;
    }

    @Override
    public List<Advisory> advisoriesFor(String ecosystem, String packageName) {
      Package p = new Package(ecosystem, packageName);
      return advisoriesFor(List.of(p)).getOrDefault(p, List.of());
    }

    @Override
    public Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages) {
      // Only the packages some advisory names are looked at, let alone asked for: most of a large
      // SBOM's are not (10,000 made-up names cost a set lookup each, not a map entry).
      List<Package> known = new ArrayList<>();
      List<Package> ask = new ArrayList<>();
      for (Package p : packages) {
        if (names.contains(AdvisoryWriter.text(p.name()))) {
          known.add(p);
          if (!byPackage.containsKey(p)) {
            ask.add(p);
          }
        }
      }
      if (!ask.isEmpty()) {
        byPackage.putAll(OsvQueries.this.advisoriesFor(ask, parsed));
      }
      Map<Package, List<Advisory>> out = new HashMap<>();
      for (Package p : known) {
        List<Advisory> found = byPackage.get(p);
        if (found != null && !found.isEmpty()) {
          out.put(p, found);
        }
      }
      return out;
    }
  }

  /** An entry's ecosystem is the one asked for, or one of its releases ({@code AlmaLinux:9} for {@code AlmaLinux}). */
  private static boolean covers(String asked, String entry) {
    return entry.equals(asked) || entry.length() > asked.length() && entry.startsWith(asked)
        && entry.charAt(asked.length()) == ':';
  }

  private Advisory rebuild(String id, String source, String sourceRecord, String json) {
    return reader.parse(json.getBytes(StandardCharsets.UTF_8), "vulndb:" + id, source, sourceRecord);
  }
}
