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
    // Both steps run on every core, each thread looking up its own slice of the keys through its
    // own connection: the lookups took as long as the parsing, one core idle meanwhile.
    List<String[]> entries = inSlices(new ArrayList<>(byName.keySet()), slice -> reads.listEach(
        "SELECT advisory_id, ecosystem, package_name FROM affected_package WHERE package_name = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, slice));
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
    // By the row's ID, the one affected_package names; the map is the caller's, filled from this thread.
    for (Map.Entry<String, Advisory> read : inSlices(new ArrayList<>(unread), slice -> reads.listEach(
        "SELECT id, source, source_record, raw_json FROM advisory WHERE id = ?",
        rs -> Map.entry(rs.getString(1), rebuild(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
        slice))) {
      parsed.put(read.getKey(), read.getValue());
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

  /**
   * {@code work} applied to slices of {@code keys} on every core, the results in the keys' order:
   * slices of 16 to 250 keys, eight or more of them when there are enough keys, so that a few keys
   * still use both cores and many are shared out evenly.
   */
  private static <T> List<T> inSlices(List<String> keys, java.util.function.Function<List<String>, List<T>> work) {
    int size = Math.max(16, Math.min(250, keys.size() / 8));
    List<List<String>> slices = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += size) {
      slices.add(keys.subList(from, Math.min(keys.size(), from + size)));
    }
    return slices.parallelStream().flatMap(slice -> work.apply(slice).stream()).toList();
  }

  /** The advisory of an {@code advisory} row, from its stored record. */
  Advisory rebuild(String id, String source, String sourceRecord, String json) {
    return reader.parse(json.getBytes(StandardCharsets.UTF_8), "vulndb:" + id, source, sourceRecord);
  }
}
