package io.vigie.core.sbom;

import java.util.Objects;

/** How many of an SBOM's components have one FDA element, for the totals of a report. */
public record ElementTotal(FdaElement element, int present, int components) {
  public ElementTotal {
    Objects.requireNonNull(element, "element");
    if (present < 0 || present > components) {
      throw new IllegalArgumentException("present must be between 0 and components");
    }
  }

  /** Percentage of components that have the element; 100 for an SBOM with no components. */
  public double percentComplete() {
    return components == 0 ? 100.0 : 100.0 * present / components;
  }
}
