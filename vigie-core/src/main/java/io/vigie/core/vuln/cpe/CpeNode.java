package io.vigie.core.vuln.cpe;

import java.util.List;
import java.util.Objects;

/** One node of an NVD configuration: its criteria combined by AND or OR, the result negated if asked. */
public record CpeNode(Operator operator, boolean negate, List<CpeMatchCriterion> cpeMatch) {

  public enum Operator { AND, OR }

  public CpeNode {
    Objects.requireNonNull(operator, "operator");
    cpeMatch = List.copyOf(cpeMatch);
    if (cpeMatch.isEmpty()) {
      throw new IllegalArgumentException("a configuration node has at least one cpeMatch");
    }
  }
}
