package io.vigie.core.change;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How far a change propagates and what fails the gate.
 *
 * @param depth how many data-flow hops to follow from a changed element (default 1)
 * @param direction which way to follow flows: the receivers of changed data (default), the senders, or both
 * @param failOnNewUnacceptableRisk a residual risk that becomes unacceptable
 * @param failOnRemovedControlOnHighRisk a control that no longer covers a HIGH or CRITICAL risk
 * @param failOnNewKnownExploited a known-exploited vulnerability that the change brings in
 * @param failOnUnreviewedSafetyCode code changed in a safety-relevant component while neither the
 *     model changed nor a commit carries the review marker
 * @param reviewMarker the marker a reviewer adds to a commit message (a git trailer by default)
 */
public record ChangePolicy(
    int depth,
    Direction direction,
    boolean failOnNewUnacceptableRisk,
    boolean failOnRemovedControlOnHighRisk,
    boolean failOnNewKnownExploited,
    boolean failOnUnreviewedSafetyCode,
    Pattern reviewMarker) {

  public enum Direction { DOWNSTREAM, UPSTREAM, BOTH }

  public ChangePolicy {
    if (depth < 0) {
      throw new IllegalArgumentException("depth is 0 or more");
    }
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(reviewMarker, "reviewMarker");
  }

  public static ChangePolicy defaults() {
    return new ChangePolicy(1, Direction.DOWNSTREAM, true, true, true, true,
        Pattern.compile("(?mi)^Security-Reviewed-By:\\s*\\S.*$"));
  }

  public ChangePolicy withDepth(int newDepth) {
    return new ChangePolicy(newDepth, direction, failOnNewUnacceptableRisk, failOnRemovedControlOnHighRisk,
        failOnNewKnownExploited, failOnUnreviewedSafetyCode, reviewMarker);
  }

  public ChangePolicy withDirection(Direction newDirection) {
    return new ChangePolicy(depth, newDirection, failOnNewUnacceptableRisk, failOnRemovedControlOnHighRisk,
        failOnNewKnownExploited, failOnUnreviewedSafetyCode, reviewMarker);
  }
}
