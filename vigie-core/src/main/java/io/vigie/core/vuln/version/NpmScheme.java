package io.vigie.core.vuln.version;

/**
 * npm: SemVer 2.0.0 as node-semver compares it, accepting what node-semver's "loose" parse
 * accepts in front of a version (spaces, {@code =}, {@code v}), since lockfiles and SBOMs carry
 * such strings. Build metadata is ignored, as in node-semver's {@code compare}.
 */
public final class NpmScheme implements VersionScheme {

  @Override
  public String name() {
    return "npm";
  }

  @Override
  public Version parse(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '=' || c == 'v' || c == 'V') {
        i++;
      } else {
        break;
      }
    }
    return SemanticVersion.parse(text, text.substring(i).strip(), this);
  }
}
