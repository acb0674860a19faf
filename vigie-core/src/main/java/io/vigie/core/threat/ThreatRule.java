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

  /** The places where the threat applies; empty if none. */
  List<Finding> apply(ModelIndex model);
}
