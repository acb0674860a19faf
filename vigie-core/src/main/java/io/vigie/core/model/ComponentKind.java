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

  public boolean storesData() {
    return this == DATABASE || this == FILE_STORAGE || this == MESSAGE_QUEUE;
  }
}
