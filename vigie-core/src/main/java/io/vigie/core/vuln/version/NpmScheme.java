package io.vigie.core.vuln.version;

/**
 * npm: SemVer 2.0.0 as node-semver compares it, accepting what node-semver's "loose" parse
 * accepts in front of a version (spaces, {@code =}, {@code v}), since lockfiles and SBOMs carry
 * such strings, and refusing what it refuses (over 256 characters, numbers above {@code
 * Number.MAX_SAFE_INTEGER}). Build metadata is ignored, as in node-semver's {@code compare}.
 */
public final class NpmScheme implements VersionScheme {

  // node-semver's limits (internal/constants.js): npm cannot publish beyond them
  private static final int MAX_LENGTH = 256;
  private static final String MAX_SAFE_INTEGER = "9007199254740991";

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
    if (text.length() > MAX_LENGTH) {
      throw InvalidVersion.of(name(), text, "longer than node-semver's " + MAX_LENGTH + " characters");
    }
    SemanticVersion v = SemanticVersion.parse(text, text.substring(i).strip(), this);
    if (!v.coreFitsIn(MAX_SAFE_INTEGER)) {
      throw InvalidVersion.of(name(), text, "a number exceeds JavaScript's Number.MAX_SAFE_INTEGER");
    }
    return v;
  }
}
