package io.vigie.core.model;

/** Whether a control exists yet; only implemented controls lower residual risk. */
public enum ControlStatus {
  PLANNED,
  IMPLEMENTED
}
