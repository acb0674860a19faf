package io.vigie.core.model;

/**
 * Severity of harm, on the five-level qualitative scale that ISO 14971 Annex C gives as an
 * example, ordered from least to most severe. Used for the patient-harm severity of a component
 * and for the severity of a security risk (the worse of patient harm and data impact, AAMI TIR57),
 * so that both sit on one axis of the risk matrix. {@link #rank()} runs 1 to 5 so that it
 * can index the risk matrix directly.
 */
public enum Severity {
  /** Inconvenience or temporary discomfort. */
  NEGLIGIBLE,
  /** Temporary injury or impairment not requiring professional medical intervention. */
  MINOR,
  /** Injury or impairment requiring professional medical intervention. */
  SERIOUS,
  /** Permanent impairment or life-threatening injury. */
  CRITICAL,
  /** Results in patient death. */
  CATASTROPHIC;

  public int rank() {
    return ordinal() + 1;
  }

  public static Severity ofRank(int rank) {
    return values()[Math.max(1, Math.min(5, rank)) - 1];
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
