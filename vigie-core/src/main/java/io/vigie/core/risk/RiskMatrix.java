package io.vigie.core.risk;

import io.vigie.core.model.Exploitability;
import io.vigie.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The exploitability × severity matrix, 5 × 5. Configurable because each maker's risk management
 * procedure fixes its own; the default follows the usual shape of AAMI TIR57 examples: a
 * catastrophic severity is never below MEDIUM, a negligible one never above MEDIUM.
 *
 * @param cells {@code cells.get(e - 1).get(s - 1)} is the level for exploitability rank {@code e}
 *     and severity rank {@code s}
 */
public record RiskMatrix(List<List<RiskLevel>> cells) {
  private static final RiskLevel L = RiskLevel.LOW;
  private static final RiskLevel M = RiskLevel.MEDIUM;
  private static final RiskLevel H = RiskLevel.HIGH;
  private static final RiskLevel C = RiskLevel.CRITICAL;

  public RiskMatrix {
    if (cells.size() != 5 || cells.stream().anyMatch(r -> r.size() != 5)) {
      throw new IllegalArgumentException("a risk matrix has 5 rows (exploitability) of 5 cells (severity)");
    }
    List<List<RiskLevel>> copy = new ArrayList<>();
    cells.forEach(r -> copy.add(List.copyOf(r)));
    cells = List.copyOf(copy);
  }

  public static RiskMatrix defaults() {
    return new RiskMatrix(List.of(
        // severity: negligible, minor, serious, critical, catastrophic
        List.of(L, L, L, M, M), // exploitability very low
        List.of(L, L, M, M, H), // low
        List.of(L, M, M, H, H), // medium
        List.of(L, M, H, H, C), // high
        List.of(M, H, H, C, C))); // very high
  }

  public RiskLevel level(Exploitability exploitability, Severity severity) {
    return cells.get(exploitability.rank() - 1).get(severity.rank() - 1);
  }
}
