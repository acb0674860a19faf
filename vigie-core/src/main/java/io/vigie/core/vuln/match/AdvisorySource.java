package io.vigie.core.vuln.match;

import io.vigie.core.vuln.Advisory;
import java.util.Collection;
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
