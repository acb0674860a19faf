package io.vigie.core.threat;

/** Attack complexity as CVSS names it: whether the attack needs conditions beyond the attacker's control. */
public enum Complexity {
  LOW,
  HIGH
}
