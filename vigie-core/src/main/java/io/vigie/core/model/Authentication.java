package io.vigie.core.model;

/** How the receiver of a data flow authenticates its sender. */
public enum Authentication {
  NONE,
  /** A secret shared by all devices or users, or a static API key. */
  SHARED_SECRET,
  API_KEY,
  PASSWORD,
  TOKEN,
  MULTI_FACTOR,
  CERTIFICATE,
  MUTUAL_TLS,
  /** Bluetooth LE pairing with authenticated (LE Secure Connections) bonding. */
  BLE_BONDING;

  public boolean isPresent() {
    return this != NONE;
  }

  /** Cryptographically strong and unique per party, as FDA Appendix 1 category A expects. */
  public boolean isStrong() {
    return this == MULTI_FACTOR || this == CERTIFICATE || this == MUTUAL_TLS || this == TOKEN
        || this == BLE_BONDING;
  }
}
