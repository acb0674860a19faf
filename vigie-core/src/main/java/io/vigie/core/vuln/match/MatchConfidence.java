package io.vigie.core.vuln.match;

/**
 * How sure a match is. HIGH: the component's identity and version rules are the advisory's own
 * (package URL, distribution release, CSAF product identified by package URL or CPE). MEDIUM: an
 * exact CPE of the component, or a CSAF product matched by name and version. LOW: a guessed
 * identity (a CPE built from the component's name, a fuzzy product name): worth a look, never a
 * reason to fail a build by itself.
 */
public enum MatchConfidence {
  HIGH,
  MEDIUM,
  LOW
}
