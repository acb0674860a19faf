package io.vigie.core.vex;

import io.vigie.core.model.Names;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The VEX statement that applies to one finding, and how it got there. {@code carried} is true
 * when the decision was taken on another release (or product) than the one scanned; {@code
 * versionDiffers} when the component's version now differs from the one assessed, which a person
 * may want to confirm (the decision still applies: decisions are keyed to component identity).
 *
 * @param scannedVersion the component's version in the scanned SBOM
 */
public record AppliedVex(VexStatement statement, boolean carried, boolean versionDiffers, String scannedVersion) {

  public AppliedVex {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(scannedVersion, "scannedVersion");
  }

  public VexStatus status() {
    return statement.status();
  }

  /**
   * Where the decision came from, in words: "carried from release 1.0 (product-line decision for
   * PumpOS), decided by alice on 2026-11-29, component then at 2.14.1; recorded by hand".
   */
  public String explanation() {
    VexStatement s = statement;
    StringBuilder out = new StringBuilder();
    if (carried && s.scope().kind() == VexScope.Kind.PRODUCT_LINE) {
      out.append("carried from release ").append(s.scope().release().orElse("?")).append(" (product-line decision for ")
          .append(s.scope().product().orElse("?")).append("), ");
    } else if (carried) {
      out.append("carried from ").append(s.scope().product().orElse("another product"))
          .append(s.scope().release().map(r -> " " + r).orElse("")).append(" (portfolio decision), ");
    } else {
      out.append(s.scope().describe()).append(", ");
    }
    out.append("decided by ").append(s.author()).append(" on ").append(s.timestamp().atOffset(ZoneOffset.UTC).toLocalDate());
    if (!s.componentVersion().isEmpty()) {
      out.append(", component then at ").append(s.componentVersion());
    }
    if (versionDiffers) {
      out.append(" (now ").append(scannedVersion.isEmpty() ? "unknown" : scannedVersion).append(": confirm)");
    }
    out.append("; ").append(s.origin());
    return out.toString();
  }

  /** {@code not-affected (vulnerable-code-not-in-execute-path)}, for one-line outputs. */
  public String stateWords() {
    return Names.of(statement.status()) + statement.justification().map(j -> " (" + Names.of(j) + ")").orElse("");
  }
}
