package io.vigie.core.risk;

import java.util.Objects;

/**
 * When a residual risk is acceptable: the matrix, the highest level acceptable as it stands, and
 * the highest level that a recorded risk acceptance (a signed benefit-risk rationale) can make
 * acceptable. Above that, the risk must be reduced. Defaults: MEDIUM acceptable, HIGH only with an
 * acceptance, CRITICAL never.
 */
public record RiskPolicy(RiskMatrix matrix, RiskLevel acceptable, RiskLevel acceptableWithRationale) {
  public RiskPolicy {
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(acceptable, "acceptable");
    Objects.requireNonNull(acceptableWithRationale, "acceptableWithRationale");
    if (acceptableWithRationale.compareTo(acceptable) < 0) {
      throw new IllegalArgumentException("acceptableWithRationale cannot be below acceptable");
    }
  }

  public static RiskPolicy defaults() {
    return new RiskPolicy(RiskMatrix.defaults(), RiskLevel.MEDIUM, RiskLevel.HIGH);
  }
}
