package io.vigie.core.vuln.version;

/**
 * A version parsed once under one {@link VersionScheme}, ready to be compared many times without
 * re-parsing (matching runs every SBOM component against every candidate record).
 *
 * <p>Contract: {@link #compareTo} orders versions of the same scheme by that ecosystem's own rules
 * and throws {@link IllegalArgumentException} for versions of different schemes, since "is Maven
 * 1.0 before Debian 1.0" has no answer. Two versions are <em>equivalent</em> when {@code
 * compareTo} returns 0 (for instance Maven {@code 1.0} and {@code 1}); {@code equals} stays
 * identity, as {@code BigDecimal} keeps {@code 1.0} and {@code 1.00} apart. Immutable and
 * thread-safe.
 */
public interface Version extends Comparable<Version> {

  /** The text this version was parsed from, unchanged. */
  String text();

  /** The scheme that parsed it. */
  VersionScheme scheme();
}
