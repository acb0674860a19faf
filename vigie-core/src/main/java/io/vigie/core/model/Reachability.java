package io.vigie.core.model;

/**
 * From where an attacker can reach an element, as CVSS's attack vector names it; the first input
 * of exploitability. Ordered from the hardest to reach to the easiest.
 */
public enum Reachability {
  PHYSICAL(1),
  LOCAL(2),
  ADJACENT(4),
  INTERNET(5);

  private final int exploitability;

  Reachability(int exploitability) {
    this.exploitability = exploitability;
  }

  /** The exploitability (1 to 5) an attack from this position starts at, before other factors. */
  public int baseExploitability() {
    return exploitability;
  }

  public static Reachability easiest(Reachability a, Reachability b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
