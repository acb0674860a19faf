package io.vigie.core.vuln.priority;

import java.util.Objects;

/**
 * One environmental metric the MITRE rubric set from the device model, and why.
 *
 * @param metric the environmental metric's abbreviation in the vector ({@code MAV}, {@code CR}…)
 * @param from the value it had before: the base metric's value, or {@code X} (not defined) for a
 *     security requirement
 * @param to the value the rubric gives it
 * @param questions the rubric question IDs that justify it ({@code XAVN–XAVR})
 * @param explanation one sentence a reviewer can check against the model
 */
public record RubricAdjustment(String metric, String from, String to, String questions, String explanation) {
  public RubricAdjustment {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(questions, "questions");
    Objects.requireNonNull(explanation, "explanation");
  }
}
