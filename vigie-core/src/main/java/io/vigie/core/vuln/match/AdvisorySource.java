package io.vigie.core.vuln.match;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where advisories come from (the vulnerability database, or a list in a test). */
@FunctionalInterface
public interface AdvisorySource {
  /** Advisories with an {@code affected} entry for this OSV ecosystem and package name. */
  List<Advisory> advisoriesFor(String ecosystem, String packageName);

  /**
   * A package as advisories name it: an OSV ecosystem and a package name. Its equals and hashCode
   * are written out: a record's own are linked at run time, a cost at every start of a command
   * that lives a second (as {@link VulnerabilityMatch.Provenance} says).
   */
  record Package(String ecosystem, String name) {
    public Package {
      java.util.Objects.requireNonNull(ecosystem, "ecosystem");
      java.util.Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Package p && ecosystem.equals(p.ecosystem) && name.equals(p.name);
    }

    @Override
    public int hashCode() {
      return 31 * ecosystem.hashCode() + name.hashCode();
    }

    /**
     * Whether an advisory's entry is for this package: the same name, and this ecosystem or a scope
     * of it ({@code AlmaLinux:9} for {@code AlmaLinux}; {@link OsvPackage#covers(String)}).
     */
    public boolean names(String entryEcosystem, String entryName) {
      return entryName.equals(name) && OsvPackage.covers(ecosystem, entryEcosystem);
    }
  }

  /** A package's {@code affected} entry in one advisory, named by the advisory's ID. */
  record Entry(String advisoryId, OsvAffected affected) {
    public Entry {
      java.util.Objects.requireNonNull(advisoryId, "advisoryId");
      java.util.Objects.requireNonNull(affected, "affected");
    }
  }

  /**
   * An answer in two steps: first each package's entries, which decide whether a version is
   * affected; then the advisories of the entries that did. Why: most of the advisories that name
   * an SBOM's packages do not affect the versions it has (a scan of 10,000 real packages read 9,456
   * advisories for 2,542 that matched), and an entry is a hundredth of its advisory's record.
   */
  interface Lookup {
    /**
     * For each package some advisory names, its entries: those of an advisory in the record's
     * order, advisories in the source's order (by ID for a database), withdrawn ones included. A
     * package absent from the map has none.
     */
    Map<Package, List<Entry>> entries();

    /** The advisories of these IDs, among those of {@link #entries}; an ID gone since is left out. */
    Map<String, Advisory> advisories(Collection<String> ids);

    /** A lookup of these entries, whose advisories {@code advisories} gives. */
    static Lookup of(Map<Package, List<Entry>> entries,
        java.util.function.Function<Collection<String>, Map<String, Advisory>> advisories) {
      return new Lookup() {
        @Override
        public Map<Package, List<Entry>> entries() {
          return entries;
        }

        @Override
        public Map<String, Advisory> advisories(Collection<String> ids) {
          return advisories.apply(ids);
        }
      };
    }
  }

  /**
   * The ceilings of each package's entries ({@link PackageCeiling}), where the source keeps them:
   * the matcher asks for no entries of a package whose every version in the SBOM is above it, since
   * none of them can say "affected". A package absent from the map has no ceiling known (or an
   * unbounded one). This default knows none; a database keeps one per package.
   */
  default Map<Package, PackageCeiling> ceilings(Collection<Package> packages) {
    return Map.of();
  }

  /**
   * The entries of {@code packages}, then the advisories the caller asks for: what the matcher
   * asks once per SBOM. This default takes both from {@link #advisoriesFor(Collection)}; a
   * database reads entries alone first.
   */
  default Lookup lookup(Collection<Package> packages) {
    Map<Package, List<Advisory>> found = advisoriesFor(packages);
    Map<Package, List<Entry>> entries = new LinkedHashMap<>();
    Map<String, Advisory> byId = new HashMap<>();
    found.forEach((p, advisories) -> {
      List<Entry> list = new ArrayList<>();
      for (Advisory a : advisories) {
        byId.putIfAbsent(a.id(), a);
        for (OsvAffected x : a.affected()) {
          if (p.names(x.ecosystem(), x.packageName())) {
            list.add(new Entry(a.id(), x));
          }
        }
      }
      if (!list.isEmpty()) {
        entries.put(p, list);
      }
    });
    return Lookup.of(entries, ids -> {
      Map<String, Advisory> out = new HashMap<>();
      ids.forEach(id -> {
        Advisory a = byId.get(id);
        if (a != null) {
          out.put(id, a);
        }
      });
      return out;
    });
  }

  /**
   * The advisories of {@code packages}: each package some advisory names maps to what {@link
   * #advisoriesFor(String, String)} gives for it; a package absent from the map has none. What
   * the matcher asks, once per SBOM: a database answers in a few queries for all of them, and
   * reads an advisory that names several of the packages once (a distribution's advisory lists
   * dozens of binary packages). This default asks package by package.
   */
  default Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages) {
    Map<Package, List<Advisory>> out = new LinkedHashMap<>();
    for (Package p : packages) {
      if (!out.containsKey(p)) {
        List<Advisory> found = advisoriesFor(p.ecosystem(), p.name());
        if (!found.isEmpty()) {
          out.put(p, found);
        }
      }
    }
    return out;
  }
}
