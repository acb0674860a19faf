package io.vigie.core.vuln.match;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A source over a list of advisories that keeps each package's ceilings, as the database does,
 * and records the packages whose entries it is asked for.
 */
final class CeilingSource implements AdvisorySource {
  private final Map<Package, List<Advisory>> byPackage = new HashMap<>();
  final List<Package> asked = new ArrayList<>();

  CeilingSource(List<Advisory> advisories) {
    for (Advisory a : advisories) {
      a.affected().stream().map(x -> new Package(x.ecosystem(), x.packageName())).distinct()
          .forEach(p -> byPackage.computeIfAbsent(p, k -> new ArrayList<>()).add(a));
    }
  }

  /** Exactly the ecosystem and name, as {@link VulnerabilityMatcherTest}'s sources answer. */
  @Override
  public List<Advisory> advisoriesFor(String ecosystem, String packageName) {
    return byPackage.getOrDefault(new Package(ecosystem, packageName), List.of());
  }

  @Override
  public Lookup lookup(Collection<Package> packages) {
    asked.addAll(packages);
    return AdvisorySource.super.lookup(packages);
  }

  @Override
  public Map<Package, PackageCeiling> ceilings(Collection<Package> packages) {
    Map<Package, PackageCeiling> out = new HashMap<>();
    for (Package p : packages) {
      PackageCeiling c = PackageCeiling.NONE;
      for (Advisory a : advisoriesFor(p.ecosystem(), p.name())) {
        for (OsvAffected x : a.affected()) {
          c = p.names(x.ecosystem(), x.packageName()) ? c.with(PackageCeiling.of(x)) : c;
        }
      }
      if (!c.isUnbounded()) {
        out.put(p, c);
      }
    }
    return out;
  }
}
