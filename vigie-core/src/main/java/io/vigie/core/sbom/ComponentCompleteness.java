package io.vigie.core.sbom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a {@link CompletenessReport}: which FDA elements one component has and lacks, each
 * list in {@link FdaElement} order so that two reports diff cleanly.
 */
public record ComponentCompleteness(
    String ref, String name, Optional<String> version, List<FdaElement> present, List<FdaElement> missing) {
  public ComponentCompleteness {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    present = List.copyOf(present);
    missing = List.copyOf(missing);
  }

  public boolean isComplete() {
    return missing.isEmpty();
  }
}
