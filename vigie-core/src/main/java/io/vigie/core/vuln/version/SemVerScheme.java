package io.vigie.core.vuln.version;

/**
 * Plain SemVer 2.0.0, the ordering of OSV ranges of type {@code SEMVER} (the OSV schema says
 * their versions carry no {@code v} prefix; one is tolerated because some feeds add it).
 */
public final class SemVerScheme implements VersionScheme {

  @Override
  public String name() {
    return "SemVer";
  }

  @Override
  public Version parse(String text) {
    String core = text;
    if (core.startsWith("v")) {
      core = core.substring(1);
    }
    return SemanticVersion.parse(text, core, this);
  }
}
