package io.vigie.core.sbom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges an SBOM against the elements the FDA expects for each component (see {@link FdaElement}).
 * A pure function of its inputs: the SBOM, the support side file and, once the vulnerability matcher
 * has run, its results.
 *
 * <p>Side information is looked up per component by, in this order, its {@code ref}, its package
 * URL and {@code name@version} (or the bare name for a component without a version), so a support
 * file can name components in whichever way its author knows them. A blank value counts as absent:
 * several tools write {@code "version": ""} rather than leave the field out. The described
 * (metadata) component is the device itself and is not judged. Thread-safe; linear in the size of
 * the SBOM.
 */
public final class SbomCompleteness {
  private SbomCompleteness() {}

  /**
   * Judges {@code sbom}. {@code vulnerabilities} is empty until vulnerability matching has run, in
   * which case no component has {@link FdaElement#KNOWN_VULNERABILITIES}.
   */
  public static CompletenessReport check(
      Sbom sbom, Map<String, SupportInfo> support, Optional<Map<String, KnownVulnerabilities>> vulnerabilities) {
    Set<String> inGraph = new HashSet<>();
    for (Dependency d : sbom.dependencies()) {
      inGraph.add(d.ref());
      inGraph.addAll(d.dependsOn());
    }
    boolean hasAuthor = sbom.authors().stream().anyMatch(a -> !a.isBlank());
    boolean hasTimestamp = sbom.timestamp().isPresent();
    Map<FdaElement, Integer> counts = new EnumMap<>(FdaElement.class);
    List<ComponentCompleteness> rows = new ArrayList<>(sbom.components().size());
    for (SbomComponent c : sbom.components()) {
      Optional<SupportInfo> supportInfo = lookup(support, c);
      Map<FdaElement, Boolean> has = new EnumMap<>(FdaElement.class);
      has.put(FdaElement.SUPPLIER, present(c.supplier()));
      has.put(FdaElement.NAME, !c.name().isBlank());
      has.put(FdaElement.VERSION, present(c.version()));
      has.put(FdaElement.UNIQUE_IDENTIFIER, present(c.purl()) || present(c.cpe()));
      has.put(FdaElement.DEPENDENCY_RELATIONSHIP, inGraph.contains(c.ref()));
      has.put(FdaElement.SBOM_AUTHOR, hasAuthor);
      has.put(FdaElement.TIMESTAMP, hasTimestamp);
      has.put(FdaElement.LEVEL_OF_SUPPORT, supportInfo.filter(s -> s.level() != SupportLevel.UNKNOWN).isPresent());
      has.put(FdaElement.END_OF_SUPPORT, supportInfo.flatMap(SupportInfo::endOfSupport).isPresent());
      has.put(FdaElement.KNOWN_VULNERABILITIES, vulnerabilities.flatMap(v -> lookup(v, c)).isPresent());
      List<FdaElement> present = new ArrayList<>();
      List<FdaElement> missing = new ArrayList<>();
      for (FdaElement e : FdaElement.values()) {
        if (has.get(e)) {
          present.add(e);
          counts.merge(e, 1, Integer::sum);
        } else {
          missing.add(e);
        }
      }
      rows.add(new ComponentCompleteness(c.ref(), c.name(), c.version().filter(v -> !v.isBlank()), present, missing));
    }
    List<ElementTotal> totals = new ArrayList<>();
    for (FdaElement e : FdaElement.values()) {
      totals.add(new ElementTotal(e, counts.getOrDefault(e, 0), rows.size()));
    }
    return new CompletenessReport(sbom.source(), rows, totals);
  }

  private static boolean present(Optional<String> value) {
    return value.filter(v -> !v.isBlank()).isPresent();
  }

  private static <T> Optional<T> lookup(Map<String, T> byKey, SbomComponent c) {
    T found = byKey.get(c.ref());
    if (found == null && c.purl().isPresent()) {
      found = byKey.get(c.purl().get());
    }
    if (found == null) {
      found = byKey.get(c.nameAndVersion());
    }
    return Optional.ofNullable(found);
  }
}
