package io.vigie.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One node of the SBOM's dependency graph: the component {@code ref} directly depends on each of
 * {@code dependsOn} (refs of other components). An empty {@code dependsOn} is meaningful: the SBOM
 * states that the component has no dependencies, which is itself a declared relationship (NTIA).
 */
public record Dependency(String ref, List<String> dependsOn) {
  public Dependency {
    Objects.requireNonNull(ref, "ref");
    dependsOn = List.copyOf(dependsOn);
  }
}
