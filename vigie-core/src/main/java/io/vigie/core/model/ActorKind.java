package io.vigie.core.model;

/** Who uses the system; the roles that connected-care regulators and hospitals name. */
public enum ActorKind {
  PATIENT,
  CAREGIVER,
  CLINICIAN,
  SUPPORT_TECHNICIAN,
  ADMINISTRATOR,
  EXTERNAL_SYSTEM,
  OTHER
}
