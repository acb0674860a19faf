package io.vigie.core.change;

import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.version.VersionScheme;
import io.vigie.core.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The third-party packages that differ between two SBOMs of one component: added, removed,
 * upgraded, downgraded, or with other licences. Packages are matched by their package URL without
 * the version (type, namespace, name), or by group and name when they have none, so an upgrade is
 * one change and not a removal and an addition. Versions are ordered by the package ecosystem's
 * own rules (Maven, npm, PyPI… through {@link VersionSchemes}); where the ecosystem is unknown or
 * a version does not parse, the change is reported as CHANGED rather than guessed.
 */
public final class SbomDiff {
  private SbomDiff() {}

  /** {@code sbomPath} names the SBOM as the model's components do in {@code sbom:}. */
  public static List<PackageChange> between(String sbomPath, Optional<Sbom> before, Optional<Sbom> after) {
    Map<String, SbomComponent> old = byIdentity(before);
    Map<String, SbomComponent> now = byIdentity(after);
    List<PackageChange> out = new ArrayList<>();
    for (Map.Entry<String, SbomComponent> e : now.entrySet()) {
      SbomComponent b = e.getValue();
      SbomComponent a = old.get(e.getKey());
      if (a == null) {
        out.add(change(sbomPath, b, PackageChange.Kind.ADDED, Optional.empty(), b.version(), List.of(), b.licenses()));
        continue;
      }
      boolean sameVersion = a.version().equals(b.version());
      boolean sameLicences = new TreeSet<>(a.licenses()).equals(new TreeSet<>(b.licenses()));
      if (!sameVersion) {
        out.add(change(sbomPath, b, direction(b, a.version(), b.version()), a.version(), b.version(), a.licenses(), b.licenses()));
      } else if (!sameLicences) {
        out.add(change(sbomPath, b, PackageChange.Kind.LICENCE_CHANGED, a.version(), b.version(), a.licenses(), b.licenses()));
      }
    }
    for (Map.Entry<String, SbomComponent> e : old.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        SbomComponent a = e.getValue();
        out.add(change(sbomPath, a, PackageChange.Kind.REMOVED, a.version(), Optional.empty(), a.licenses(), List.of()));
      }
    }
    out.sort(java.util.Comparator.comparing(PackageChange::name).thenComparing(p -> p.kind().name()));
    return List.copyOf(out);
  }

  private static PackageChange change(String sbom, SbomComponent c, PackageChange.Kind kind, Optional<String> from,
      Optional<String> to, List<String> licencesBefore, List<String> licencesAfter) {
    String name = c.group().map(g -> g + ":" + c.name()).orElse(c.name());
    return new PackageChange(sbom, name, c.purl(), kind, from, to, licencesBefore, licencesAfter, List.of(), List.of(), List.of());
  }

  private static PackageChange.Kind direction(SbomComponent c, Optional<String> from, Optional<String> to) {
    if (from.isEmpty() || to.isEmpty()) {
      return PackageChange.Kind.CHANGED;
    }
    Optional<VersionScheme> scheme = c.purl().map(SbomDiff::purlType).flatMap(VersionSchemes::forEcosystem);
    if (scheme.isEmpty() || !scheme.get().isValid(from.get()) || !scheme.get().isValid(to.get())) {
      return PackageChange.Kind.CHANGED;
    }
    int cmp = scheme.get().compare(from.get(), to.get());
    return cmp < 0 ? PackageChange.Kind.UPGRADED : cmp > 0 ? PackageChange.Kind.DOWNGRADED : PackageChange.Kind.CHANGED;
  }

  /** {@code pkg:maven/org.apache/x@1.2?a=b} → {@code maven}. */
  static String purlType(String purl) {
    String rest = purl.startsWith("pkg:") ? purl.substring(4) : purl;
    int slash = rest.indexOf('/');
    return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
  }

  /** The package's identity without its version: purl without version, qualifiers and subpath. */
  static String identity(SbomComponent c) {
    if (c.purl().isPresent()) {
      String p = c.purl().get();
      int cut = p.length();
      for (char stop : new char[] {'@', '?', '#'}) {
        int i = p.indexOf(stop, 4);
        if (i >= 0) {
          cut = Math.min(cut, i);
        }
      }
      return p.substring(0, cut).toLowerCase(Locale.ROOT);
    }
    return "name:" + c.group().map(g -> g + ":").orElse("") + c.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, SbomComponent> byIdentity(Optional<Sbom> sbom) {
    Map<String, SbomComponent> out = new LinkedHashMap<>();
    sbom.ifPresent(s -> s.components().forEach(c -> out.putIfAbsent(identity(c), c)));
    return out;
  }
}
