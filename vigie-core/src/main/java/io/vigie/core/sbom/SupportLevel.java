package io.vigie.core.sbom;

/**
 * The FDA's "level of support" for a component (V.A.4(b)(E)): whether its maker still monitors and
 * maintains it. {@link #UNKNOWN} is an honest answer, but it does not satisfy the element.
 */
public enum SupportLevel {
  SUPPORTED,
  /** Security fixes only. */
  MAINTENANCE,
  END_OF_LIFE,
  UNKNOWN
}
