package io.vigie.core.model;

/** Confidentiality protection of a data flow. */
public enum Encryption {
  NONE,
  /** TLS, DTLS, BLE link-layer encryption: hop by hop. */
  TRANSPORT,
  /** Encrypted by the sender for the final receiver, whatever the hops. */
  END_TO_END;

  public boolean isPresent() {
    return this != NONE;
  }
}
