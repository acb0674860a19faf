package io.vigie.store.vuln;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.match.AdvisorySource;
import io.vigie.core.vuln.match.AdvisorySource.Entry;
import io.vigie.core.vuln.match.AdvisorySource.Package;
import io.vigie.core.vuln.match.OsvPackage;
import io.vigie.core.vuln.match.PackageCeiling;
import io.vigie.core.vuln.version.AffectedCeiling;
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
import java.util.function.Function;

/**
 * The OSV side of a scan's queries: the entries that name many packages at once, then the
 * advisories of the entries that matched, each advisory read and parsed once.
 *
 * <p>Why: a distribution's advisory lists every binary package of its source package (AlmaLinux 9:
 * 1,783 advisories name 2,934 packages through 23,051 entries), so asking package by package read
 * and parsed the same record a dozen times over and kept every copy. A 10,000-component SBOM whose
 * components are real packages took 22 s and 1.6 GB that way, against all the data of
 * ../shared/data (bench/RESULTS.md, session 7). And most advisories that name a package do not
 * affect the version an SBOM has: that scan read 9,456 records for 2,542 that matched. So a scan
 * looks up each package name once for its entries ({@link StoredEntry}, a hundredth of a record),
 * then each advisory that matched and is not read yet once for its record, through two prepared
 * statements ({@link JdbcReads#listEach} says why not IN lists).
 */
final class OsvQueries {
  private final JdbcReads reads;
  private final OsvReader reader = new OsvReader();

  OsvQueries(JdbcReads reads) {
    this.reads = reads;
  }

  /** An {@code affected_package} row: its place in its advisory orders a package's entries. */
  private record Row(Package asked, int position, Entry entry) {}

  /**
   * The (name, ecosystem) pairs some advisory names ({@code package_ecosystem}, V9): the
   * ecosystems of each name, as stored.
   */
  Map<String, List<String>> knownPackages() {
    Map<String, List<String>> out = new HashMap<>();
    for (String[] pair : reads.list("SELECT package_name, ecosystem FROM package_ecosystem",
        rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      out.computeIfAbsent(pair[0], k -> new ArrayList<>(1)).add(pair[1]);
    }
    return out;
  }

  /**
   * The ceilings (V10) of every stored pair of these names, by pair, as stored ({@code ceiling},
   * {@code ceiling_unstated_epoch}; null where not computed yet).
   * Asked for the names of a scan rather than read with {@link #knownPackages}: a scan of mostly
   * unknown packages then reads a few rows, not 13,000 pairs' ceilings (30 ms of a second-long
   * scan). For many names, one read of the whole table is cheaper than a lookup each (5,500 names:
   * 184 ms of CPU through UNNEST, against some 30 for all 13,500 rows; bench/RESULTS.md, session 10).
   */
  Map<Package, String[]> ceilingsOf(java.util.Collection<String> names) {
    Map<Package, String[]> out = new HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    String columns = "SELECT p.ecosystem, p.package_name, p.ceiling, p.ceiling_unstated_epoch";
    JdbcReads.Row<String[]> row = rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
    List<String[]> rows = names.size() > LOOKUPS_BEFORE_A_FULL_READ
        ? reads.list(columns + " FROM package_ecosystem p", row)
        : reads.listJoining(columns + " FROM UNNEST(?) AS k(n) JOIN package_ecosystem p ON p.package_name = k.n", row, names);
    for (String[] r : rows) {
      out.put(new Package(r[0], r[1]), new String[] {r[2], r[3]}); // decoded by the caller, for the pairs it needs
    }
    return out;
  }

  /** Names above which {@link #ceilingsOf} reads every row instead of looking each name up. */
  static final int LOOKUPS_BEFORE_A_FULL_READ = 500;

  /** The ecosystems some advisory names {@code name} in, as stored; for a lookup of one package. */
  List<String> ecosystemsOf(String name) {
    return reads.list("SELECT ecosystem FROM package_ecosystem WHERE package_name = ?", rs -> rs.getString(1),
        AdvisoryWriter.text(name));
  }

  /**
   * The entries for each package, as {@link AdvisorySource.Lookup#entries} orders them (by
   * advisory ID in code point order, the same on every database); a package no entry names maps
   * to an empty list. {@code AlmaLinux} also finds {@code AlmaLinux:9} entries, {@code AlmaLinux:9}
   * only those. {@code ecosystems} gives the stored ecosystems of a stored name ({@link #knownPackages}).
   */
  Map<Package, List<Entry>> entriesFor(Collection<Package> packages, Function<String, List<String>> ecosystems) {
    // Each stored (ecosystem, name) pair that covers an asked package is looked up once, through
    // the index on both: an SBOM of AlmaLinux 9 packages does not read the AlmaLinux 8 entries of
    // the same names. A pair may cover two asked packages (AlmaLinux and AlmaLinux:9).
    Map<Package, List<Package>> askers = new LinkedHashMap<>();
    Map<Package, List<Row>> rows = new LinkedHashMap<>();
    for (Package p : packages) {
      if (rows.putIfAbsent(p, new ArrayList<>()) == null) {
        String name = AdvisoryWriter.text(p.name());
        String ecosystem = AdvisoryWriter.text(p.ecosystem());
        for (String stored : ecosystems.apply(name)) {
          if (OsvPackage.covers(ecosystem, stored)) {
            askers.computeIfAbsent(new Package(stored, name), k -> new ArrayList<>(1)).add(p);
          }
        }
      }
    }
    // On every core, each thread looking up its own slice of the pairs through its own connection
    // and parsing their entries there. askers is only read meanwhile.
    List<Row> found = inSlices(new ArrayList<>(askers.keySet()), slice -> reads.listEachOf(
        "SELECT advisory_id, position, ecosystem, package_name, ranges_json, versions_json FROM affected_package"
            + " WHERE package_name = ? AND ecosystem = ?",
        rs -> {
          String id = rs.getString(1);
          Entry entry = new Entry(id, StoredEntry.read(id, rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6)));
          int position = rs.getInt(2);
          return askers.get(new Package(rs.getString(3), rs.getString(4))).stream()
              .map(p -> new Row(p, position, entry)).toList();
        },
        slice.stream().map(pair -> List.of(pair.name(), pair.ecosystem())).toList()))
        .stream().flatMap(List::stream).toList();
    for (Row r : found) {
      rows.get(r.asked()).add(r);
    }
    Map<Package, List<Entry>> out = new LinkedHashMap<>();
    rows.forEach((p, list) -> {
      list.sort(BY_PLACE);
      out.put(p, list.stream().map(Row::entry).toList());
    });
    return out;
  }

  private static final java.util.Comparator<Row> BY_PLACE =
      java.util.Comparator.comparing((Row r) -> r.entry().advisoryId()).thenComparingInt(Row::position);

  /**
   * The advisories of these IDs, withdrawn ones included: those in {@code parsed} (the caller's,
   * by ID) as they are, the others read, parsed and added to it. An ID whose record is gone was
   * replaced by a concurrent import (a server only): left out.
   */
  Map<String, Advisory> advisories(Collection<String> ids, Map<String, Advisory> parsed) {
    List<String> unread = new ArrayList<>(new TreeSet<>(ids));
    unread.removeIf(parsed::containsKey);
    // The map is the caller's, filled from this thread.
    for (Map.Entry<String, Advisory> read : inSlices(unread, slice -> reads.listEach(
        "SELECT id, source, source_record, raw_json FROM advisory WHERE id = ?",
        rs -> Map.entry(rs.getString(1), rebuild(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
        slice))) {
      parsed.put(read.getKey(), read.getValue());
    }
    Map<String, Advisory> out = new HashMap<>();
    for (String id : ids) {
      Advisory a = parsed.get(id);
      if (a != null) {
        out.put(id, a);
      }
    }
    return out;
  }

  /**
   * Every advisory with an affected entry for each package, withdrawn ones included, ordered by
   * ID; {@code parsed} as {@link #advisories} says.
   */
  Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages, Map<String, Advisory> parsed) {
    return advisoriesOf(entriesFor(packages, this::ecosystemsOf), parsed);
  }

  private Map<Package, List<Advisory>> advisoriesOf(Map<Package, List<Entry>> entries, Map<String, Advisory> parsed) {
    Set<String> ids = new TreeSet<>();
    entries.values().forEach(list -> list.forEach(e -> ids.add(e.advisoryId())));
    Map<String, Advisory> read = advisories(ids, parsed);
    Map<Package, List<Advisory>> out = new LinkedHashMap<>();
    entries.forEach((p, list) -> out.put(p, list.stream().map(Entry::advisoryId).distinct()
        .map(read::get).filter(a -> a != null).toList()));
    return out;
  }

  /**
   * A source for one scan: the package names advisories cover read once, each package's entries
   * read once and each advisory parsed once.
   */
  AdvisorySource source(Map<String, List<String>> knownPackages) {
    return new Source(knownPackages);
  }

  /** A pair whose ceilings are not computed yet: its entries are read. */
  private static final PackageCeiling UNKNOWN = new PackageCeiling(AffectedCeiling.UNBOUNDED, AffectedCeiling.UNBOUNDED);

  private final class Source implements AdvisorySource {
    private final Map<String, List<String>> names;
    private final Map<String, Advisory> parsed = new ConcurrentHashMap<>();
    private final Map<Package, List<Entry>> byPackage = new ConcurrentHashMap<>();

    Source(Map<String, List<String>> names) {
      this.names = names;
    }

    /**
     * For each asked package some advisory names, the ceiling of the stored pairs that cover it
     * ({@code AlmaLinux} covers {@code AlmaLinux:8} and {@code AlmaLinux:9}); left out when one of
     * them has none yet, or when it is unbounded.
     */
    @Override
    public Map<Package, PackageCeiling> ceilings(Collection<Package> packages) {
      Set<String> known = new TreeSet<>();
      for (Package p : packages) {
        String name = AdvisoryWriter.text(p.name());
        if (names.containsKey(name)) {
          known.add(name);
        }
      }
      Map<Package, String[]> stored = ceilingsOf(known);
      Map<Package, PackageCeiling> out = new HashMap<>();
      for (Package p : packages) {
        String name = AdvisoryWriter.text(p.name());
        List<String> ecosystems = names.get(name);
        if (ecosystems == null) {
          continue;
        }
        String ecosystem = AdvisoryWriter.text(p.ecosystem());
        PackageCeiling ceiling = PackageCeiling.NONE;
        for (String e : ecosystems) {
          if (OsvPackage.covers(ecosystem, e)) {
            String[] texts = stored.get(new Package(e, name));
            PackageCeiling read = texts == null ? null : PackageCeilings.read(texts[0], texts[1]);
            ceiling = ceiling.with(read == null ? UNKNOWN : read); // null: not computed, or added since
          }
        }
        if (!ceiling.isUnbounded()) {
          out.put(p, ceiling);
        }
      }
      return out;
    }

    @Override
    public List<Advisory> advisoriesFor(String ecosystem, String packageName) {
      Package p = new Package(ecosystem, packageName);
      return advisoriesFor(List.of(p)).getOrDefault(p, List.of());
    }

    @Override
    public Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages) {
      Map<Package, List<Advisory>> out = new HashMap<>();
      advisoriesOf(entries(packages), parsed).forEach((p, list) -> {
        if (!list.isEmpty()) {
          out.put(p, list);
        }
      });
      return out;
    }

    @Override
    public Lookup lookup(Collection<Package> packages) {
      return Lookup.of(entries(packages), ids -> advisories(ids, parsed));
    }

    /** The packages that have entries, with them, read once for the source's life. */
    private Map<Package, List<Entry>> entries(Collection<Package> packages) {
      // Only the packages some advisory names are looked at, let alone asked for: most of a large
      // SBOM's are not (10,000 made-up names cost a set lookup each, not a map entry).
      List<Package> known = new ArrayList<>();
      List<Package> ask = new ArrayList<>();
      for (Package p : packages) {
        if (names.containsKey(AdvisoryWriter.text(p.name()))) {
          known.add(p);
          if (!byPackage.containsKey(p)) {
            ask.add(p);
          }
        }
      }
      if (!ask.isEmpty()) {
        byPackage.putAll(entriesFor(ask, name -> names.getOrDefault(name, List.of())));
      }
      Map<Package, List<Entry>> out = new HashMap<>();
      for (Package p : known) {
        List<Entry> found = byPackage.get(p);
        if (found != null && !found.isEmpty()) {
          out.put(p, found);
        }
      }
      return out;
    }
  }

  /**
   * {@code work} applied to slices of {@code keys} on every core, the results in the keys' order:
   * slices of 16 to 250 keys, eight or more of them when there are enough keys, so that a few keys
   * still use both cores and many are shared out evenly.
   */
  private static <K, T> List<T> inSlices(List<K> keys, Function<List<K>, List<T>> work) {
    int size = Math.max(16, Math.min(250, keys.size() / 8));
    List<List<K>> slices = new ArrayList<>();
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
