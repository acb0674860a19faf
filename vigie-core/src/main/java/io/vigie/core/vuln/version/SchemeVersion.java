package io.vigie.core.vuln.version;

/**
 * What every scheme's parsed version shares: the text it was parsed from and its scheme. Each
 * scheme's subclass adds its parsed parts and its ordering.
 */
abstract class SchemeVersion implements Version {
  private final String text;
  private final VersionScheme scheme;

  SchemeVersion(String text, VersionScheme scheme) {
    this.text = text;
    this.scheme = scheme;
  }

  @Override
  public final String text() {
    return text;
  }

  @Override
  public final VersionScheme scheme() {
    return scheme;
  }

  @Override
  public final String toString() {
    return text;
  }
}
