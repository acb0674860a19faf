package io.vigie.core.threat;

import io.vigie.core.model.ModelIndex;
import java.util.List;

/**
 * A threat rule: fixed metadata and one pure function over the model. Rules do not look at each
 * other, keep no state and do no I/O, so they can run in any order and on any thread.
 *
 * <p>A rule fires where the model's structure creates the threat (health data crosses a trust
 * boundary, a command reaches a clinical function), not where a control is missing: the threat
 * stays on the register with its mitigation, which is what a reviewer expects to read, and the
 * controls in force lower the residual risk instead.
 */
public interface ThreatRule {
  RuleInfo info();

  /** The places where the threat applies in the whole model; empty if none. */
  default List<Finding> apply(ModelIndex model) {
    return apply(model, RuleScope.all());
  }

  /**
   * The places where the threat applies, among the components, flows or assets in scope only.
   *
   * <p>Each finding is made at one place the rule iterates over (through {@code scope}), names that
   * place among its elements, and reads nothing beyond that place's neighbourhood: for a
   * component, its zone, assets, flows in and out, their assets and other ends (and those ends'
   * zones), and the actors that use it; for a flow, its assets, its two ends and their zones; for
   * an asset, the components that handle it. {@code vigie diff} re-runs rules only where a change
   * reaches such a neighbourhood ({@code io.vigie.core.analysis.ChangeScope}); a rule that reads
   * further must widen that scope, or the diff's equivalence test fails.
   */
  List<Finding> apply(ModelIndex model, RuleScope scope);
}
