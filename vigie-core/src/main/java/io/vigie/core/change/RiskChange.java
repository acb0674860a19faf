package io.vigie.core.change;

import io.vigie.core.risk.RiskLevel;
import java.util.List;
import java.util.Optional;

/**
 * A risk whose levels, acceptability or controls differ between the two revisions. Absent levels
 * mean the risk does not exist on that side (its threat appeared or disappeared).
 */
public record RiskChange(
    String risk,
    String threat,
    Optional<RiskLevel> levelBefore,
    Optional<RiskLevel> levelAfter,
    Optional<RiskLevel> residualBefore,
    Optional<RiskLevel> residualAfter,
    boolean acceptableBefore,
    boolean acceptableAfter,
    List<String> controlsRemoved,
    List<String> controlsAdded) {

  public RiskChange {
    controlsRemoved = List.copyOf(controlsRemoved);
    controlsAdded = List.copyOf(controlsAdded);
  }

  /** Acceptable before (or absent) and not acceptable now. */
  public boolean becameUnacceptable() {
    return residualAfter.isPresent() && !acceptableAfter && (residualBefore.isEmpty() || acceptableBefore);
  }

  /** Not acceptable now, and its residual level rose: an unacceptable risk made worse. */
  public boolean worsenedWhileUnacceptable() {
    return residualAfter.isPresent() && residualBefore.isPresent() && !acceptableAfter
        && residualAfter.get().compareTo(residualBefore.get()) > 0;
  }
}
