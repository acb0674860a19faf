package io.vigie.core.vuln.cpe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an NVD record's {@code configurations[]}: nodes combined by {@code operator}. NVD
 * writes the operator only when there are several nodes (then AND: "this product running on that
 * platform"); {@code operator} is empty when the record has none. A record applies when any one of
 * its configurations does.
 */
public record CpeConfiguration(Optional<CpeNode.Operator> operator, boolean negate, List<CpeNode> nodes) {

  public CpeConfiguration {
    Objects.requireNonNull(operator, "operator");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a configuration has at least one node");
    }
  }

  /**
   * The operator to apply: the written one, else AND when there are several nodes. Reading a
   * missing operator as AND is the stricter choice: with OR, a platform node would be ignored and
   * a product would match whatever it runs on.
   */
  public CpeNode.Operator effectiveOperator() {
    return operator.orElse(nodes.size() > 1 ? CpeNode.Operator.AND : CpeNode.Operator.OR);
  }
}
