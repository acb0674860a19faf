package io.vigie.core.vex;

/**
 * The four VEX statuses of CISA's minimum requirements (and OpenVEX, CSAF VEX). CycloneDX's
 * analysis states map onto them (see docs/vex.md): {@code exploitable} is affected, {@code
 * resolved} fixed, {@code in_triage} under investigation, {@code false_positive} not affected.
 */
public enum VexStatus {
  NOT_AFFECTED,
  AFFECTED,
  FIXED,
  UNDER_INVESTIGATION;

  /**
   * True when a statement with this status takes its finding out of the gate: the maker stated
   * the product is not exposed (not affected) or no longer exposed (fixed). The finding stays in
   * every report with its VEX state, because a customer reads those statements too.
   */
  public boolean clearsGate() {
    return this == NOT_AFFECTED || this == FIXED;
  }

  /** The OpenVEX and CSAF spelling: {@code not_affected}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
