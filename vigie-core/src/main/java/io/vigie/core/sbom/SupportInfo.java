package io.vigie.core.sbom;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the maker knows about a component's support (FDA V.A.4(b)(E) and (F)). SBOMs almost never
 * carry this, so it comes from a side file reviewed with the device model.
 */
public record SupportInfo(SupportLevel level, Optional<LocalDate> endOfSupport) {
  public SupportInfo {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(endOfSupport, "endOfSupport");
  }
}
