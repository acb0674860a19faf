package io.vigie.core.model;

import java.util.Objects;

/**
 * A signed-off acceptance of one threat's residual risk (benefit-risk rationale, ISO 14971 §8).
 * It makes acceptable only a level that the policy allows to be accepted; it is keyed to the
 * threat ID, which is stable across runs and reorderings of the model.
 */
public record RiskAcceptance(String threat, String rationale, String acceptedBy, String date) {
  public RiskAcceptance {
    Objects.requireNonNull(threat, "threat");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(acceptedBy, "acceptedBy");
    Objects.requireNonNull(date, "date");
  }
}
