package io.vigie.core.model;

/** What a component is; threat rules use it to know which attacks apply. */
public enum ComponentKind {
  MOBILE_APP,
  WEB_PORTAL,
  WEB_APP,
  API_SERVICE,
  DATABASE,
  FILE_STORAGE,
  MESSAGE_QUEUE,
  EMBEDDED_DEVICE,
  SENSOR,
  GATEWAY,
  UPDATE_SERVER,
  IDENTITY_PROVIDER,
  THIRD_PARTY_SERVICE,
  CLINICAL_WORKSTATION,
  BACKEND_JOB,
  OTHER;

  /** Components a person logs into through a user interface. */
  public boolean hasUserInterface() {
    return this == MOBILE_APP || this == WEB_PORTAL || this == WEB_APP || this == CLINICAL_WORKSTATION;
  }

  /** Components whose software runs on hardware in the field, updated remotely. */
  public boolean runsFirmware() {
    return this == EMBEDDED_DEVICE || this == SENSOR || this == GATEWAY;
  }

  /**
   * Runs on servers and serves many patients (a service, a store, a portal), as opposed to one
   * patient's phone, sensor or device, or one clinician's workstation: a compromise here reaches
   * every patient, which raises the data impact (FDA "multi-patient harm" view).
   */
  public boolean isServerSide() {
    return this != MOBILE_APP && this != EMBEDDED_DEVICE && this != SENSOR && this != CLINICAL_WORKSTATION;
  }

  public boolean storesData() {
    return this == DATABASE || this == FILE_STORAGE || this == MESSAGE_QUEUE;
  }
}
