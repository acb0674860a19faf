package io.vigie.core.model;

/** The STRIDE threat categories, the methodology the FDA guidance cites as an example. */
public enum Stride {
  SPOOFING,
  TAMPERING,
  REPUDIATION,
  INFORMATION_DISCLOSURE,
  DENIAL_OF_SERVICE,
  ELEVATION_OF_PRIVILEGE;

  /** Whether a threat of this kind can change what the device does to the patient. */
  public boolean canHarmPatient() {
    return this != INFORMATION_DISCLOSURE && this != REPUDIATION;
  }
}
