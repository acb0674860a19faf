package io.vigie.core.vuln.priority;

/**
 * The qualitative severity rating of a CVSS score. The bands are the same in the CVSS v3.1
 * specification (section 5, "Qualitative Severity Rating Scale") and in v4.0 (section 6): None
 * 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0.
 */
public enum CvssSeverity {
  NONE,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * The rating of a score.
   *
   * @throws IllegalArgumentException if the score is outside 0.0–10.0 or not a number
   */
  public static CvssSeverity of(double score) {
    if (!(score >= 0.0 && score <= 10.0)) {
      throw new IllegalArgumentException("a CVSS score lies between 0.0 and 10.0, not " + score);
    }
    if (score == 0.0) {
      return NONE;
    }
    if (score < 4.0) {
      return LOW;
    }
    if (score < 7.0) {
      return MEDIUM;
    }
    return score < 9.0 ? HIGH : CRITICAL;
  }

  /** The rating as the specification writes it: {@code Critical}, {@code None}… */
  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
