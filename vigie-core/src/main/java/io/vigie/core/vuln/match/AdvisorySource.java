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

  /** A package as advisories name it: an OSV ecosystem and a package name. */
  record Package(String ecosystem, String name) {}

  /**
   * The advisories of each of {@code packages}, each list what {@link #advisoriesFor(String,
   * String)} gives for that package. What the matcher asks, once per SBOM: a database answers in a
   * few queries for all of them, and reads an advisory that names several of the packages once (a
   * distribution's advisory lists dozens of binary packages). This default asks package by package.
   */
  default Map<Package, List<Advisory>> advisoriesFor(Collection<Package> packages) {
    Map<Package, List<Advisory>> out = new LinkedHashMap<>();
    for (Package p : packages) {
      out.computeIfAbsent(p, k -> advisoriesFor(k.ecosystem(), k.name()));
    }
    return out;
  }
}
