package io.vigie.core.vuln.cpe;

/**
 * Whether and how components without a usable package URL are matched by CPE. Opt-in: CPE matches
 * are the field's main source of false positives.
 */
public enum CpeMode {
  /** No CPE matching (the default). */
  OFF,
  /** Only the CPEs the SBOM itself gives: MEDIUM confidence. */
  SBOM,
  /** Also a CPE built from the component's supplier and name when the SBOM gives none: LOW confidence. */
  GUESS
}
