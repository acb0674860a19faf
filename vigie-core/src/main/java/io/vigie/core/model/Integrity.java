package io.vigie.core.model;

/** Integrity protection of a data flow's content. */
public enum Integrity {
  NONE,
  /** Protected hop by hop by an authenticated transport (TLS record MAC, AEAD). */
  TRANSPORT,
  /** A message authentication code over the content itself. */
  MAC,
  /** A digital signature over the content, verifiable by the final receiver. */
  SIGNATURE;

  public boolean isPresent() {
    return this != NONE;
  }

  /** Survives intermediaries: the receiver can check who produced the content. */
  public boolean isEndToEnd() {
    return this == MAC || this == SIGNATURE;
  }
}
