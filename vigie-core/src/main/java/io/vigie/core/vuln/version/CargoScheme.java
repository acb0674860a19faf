package io.vigie.core.vuln.version;

/**
 * crates.io (Cargo): strict SemVer 2.0.0, as the Rust {@code semver} crate parses it (no {@code v}
 * prefix, no leading zeros). Build metadata is ignored for ordering, which is the precedence Cargo
 * uses to match requirements (the crate's total {@code Ord} also sorts by build, which no advisory
 * range depends on).
 */
public final class CargoScheme implements VersionScheme {

  @Override
  public String name() {
    return "crates.io";
  }

  @Override
  public Version parse(String text) {
    return SemanticVersion.parse(text, text, this);
  }
}
