package io.vigie.core.sbom;

import java.util.List;
import java.util.Objects;

/**
 * How complete an SBOM is against the elements the FDA expects, per component and in total. The
 * FDA accepts missing elements in an addendum, so the report lists every gap rather than
 * failing: what to do about a gap is the caller's policy.
 */
public record CompletenessReport(String source, List<ComponentCompleteness> components, List<ElementTotal> totals) {
  public CompletenessReport {
    Objects.requireNonNull(source, "source");
    components = List.copyOf(components);
    totals = List.copyOf(totals);
  }

  /** The total for one element. */
  public ElementTotal total(FdaElement element) {
    return totals.stream().filter(t -> t.element() == element).findFirst().orElseThrow();
  }

  /** True when every component has every element. */
  public boolean isComplete() {
    return components.stream().allMatch(ComponentCompleteness::isComplete);
  }
}
