package io.vigie.core.model;

/**
 * How far a trust zone is trusted, from the open internet to inside the device, with the network
 * position from which an attacker inside that zone reaches what it holds.
 */
public enum TrustLevel {
  /** Anyone on the internet, including a public cloud endpoint. */
  INTERNET(Reachability.INTERNET),
  /** A third party's service or hosting that the maker does not operate. */
  THIRD_PARTY(Reachability.INTERNET),
  /** The patient's home network and personal devices (phone, Wi-Fi, Bluetooth range). */
  PATIENT_HOME(Reachability.ADJACENT),
  /** A hospital's or clinic's internal network. */
  HOSPITAL_NETWORK(Reachability.ADJACENT),
  /** The maker's own cloud, or a hosting provider the maker operates in. */
  MAKER_CLOUD(Reachability.ADJACENT),
  /** A certified health-data host (HDS in France, equivalent elsewhere). */
  CERTIFIED_HOSTING(Reachability.ADJACENT),
  /** Inside one physical device: buses, local storage, processes on one host. */
  DEVICE_INTERNAL(Reachability.LOCAL);

  private final Reachability attackerPosition;

  TrustLevel(Reachability attackerPosition) {
    this.attackerPosition = attackerPosition;
  }

  /** From where an attacker who is in this zone, but nowhere more trusted, operates. */
  public Reachability attackerPosition() {
    return attackerPosition;
  }

  public boolean isUntrusted() {
    return this == INTERNET || this == THIRD_PARTY;
  }
}
