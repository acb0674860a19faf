package io.vigie.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A reviewed correction of the computed exploitability or severity of one threat's risk, with the
 * reason; the report shows both the computed and the overridden value.
 */
public record RiskOverride(
    String threat,
    Optional<Exploitability> exploitability,
    Optional<Severity> severity,
    String rationale) {

  public RiskOverride {
    Objects.requireNonNull(threat, "threat");
    Objects.requireNonNull(exploitability, "exploitability");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rationale, "rationale");
  }
}
