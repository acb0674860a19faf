package io.vigie.core.model;

/** What kind of information a data asset is; decides which privacy and safety rules apply. */
public enum DataCategory {
  /** Health data in the GDPR art. 9 sense: measurements, diagnoses, treatments. */
  HEALTH,
  /** Therapy parameters and clinical settings (doses, thresholds): wrong values harm patients. */
  THERAPY,
  /** Identifying personal data that is not health data (name, phone number, address). */
  PERSONAL,
  /** Passwords, keys, tokens. */
  CREDENTIALS,
  /** Software and firmware images, configuration. */
  SOFTWARE,
  /** Security and access logs. */
  AUDIT_LOG,
  TECHNICAL,
  PUBLIC;

  /** Personal data in the GDPR sense. */
  public boolean isPersonal() {
    return this == HEALTH || this == PERSONAL;
  }

  /** Data whose corruption can change a clinical decision. */
  public boolean isClinical() {
    return this == HEALTH || this == THERAPY;
  }

  /** Confidentiality need assumed when the model does not state one. */
  public Need defaultConfidentiality() {
    return isPersonal() || this == CREDENTIALS ? Need.HIGH : this == PUBLIC ? Need.NONE : Need.LOW;
  }

  /** Integrity need assumed when the model does not state one. */
  public Need defaultIntegrity() {
    if (isClinical() || this == SOFTWARE || this == CREDENTIALS || this == AUDIT_LOG) {
      return Need.HIGH;
    }
    return this == PUBLIC ? Need.LOW : Need.MEDIUM;
  }

  /** Availability need assumed when the model does not state one. */
  public Need defaultAvailability() {
    return isClinical() ? Need.HIGH : Need.MEDIUM;
  }
}
