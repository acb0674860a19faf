package io.vigie.core.vuln.priority;

import java.util.List;
import java.util.Objects;

/**
 * A CVSS score seen from one medical device: the base score, the environmental vector the MITRE
 * rubric built from the device model, the environmental score computed from it, and each
 * adjustment with its reason.
 *
 * @param base the vulnerability's own score
 * @param environmentalVector base metrics plus the rubric's environmental metrics; for a v3.0
 *     base it is written as v3.1, whose environmental formulas corrected v3.0's
 * @param environmentalScore the v3.1 environmental score, or for v4.0 the CVSS-BE score
 * @param environmentalSeverity the rating of {@code environmentalScore}
 * @param adjustments the metrics the rubric set, in vector order; empty when the model changes
 *     nothing
 */
public record AdjustedCvss(
    CvssScore base,
    String environmentalVector,
    double environmentalScore,
    CvssSeverity environmentalSeverity,
    List<RubricAdjustment> adjustments) {

  public AdjustedCvss {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(environmentalVector, "environmentalVector");
    Objects.requireNonNull(environmentalSeverity, "environmentalSeverity");
    adjustments = List.copyOf(adjustments);
    if (CvssSeverity.of(environmentalScore) != environmentalSeverity) {
      throw new IllegalArgumentException(environmentalScore + " is not rated " + environmentalSeverity);
    }
  }

  /** The value the environmental vector gives a metric ({@code MAV}, {@code CR}…), or the base value. */
  public String effective(String baseMetric, String environmentalMetric) {
    var metrics = CvssScore.metricsOf(environmentalVector);
    if (!metrics.containsKey(baseMetric)) {
      throw new IllegalArgumentException(baseMetric + " is not a base metric of " + environmentalVector);
    }
    return metrics.getOrDefault(environmentalMetric, metrics.get(baseMetric));
  }
}
