package io.vigie.core.analysis;

import io.vigie.core.risk.RiskLevel;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures at the top of a report and the gate's verdict.
 *
 * @param risksByLevel inherent risk count per level, every level present
 * @param residualByLevel residual risk count per level, every level present
 * @param unacceptable residual risks the policy does not accept: the gate fails when above 0
 */
public record Summary(
    int components,
    int flows,
    int zones,
    int assets,
    int controls,
    int threats,
    Map<RiskLevel, Integer> risksByLevel,
    Map<RiskLevel, Integer> residualByLevel,
    int unacceptable) {

  public Summary {
    risksByLevel = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(risksByLevel)));
    residualByLevel = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(residualByLevel)));
  }

  public boolean gatePassed() {
    return unacceptable == 0;
  }
}
