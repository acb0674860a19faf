package io.vigie.core.vuln.version;

/**
 * Go modules: semantic versions with a {@code v} prefix ({@code v1.2.3}, {@code
 * v2.0.0+incompatible}), and pseudo-versions such as {@code v0.0.0-20210101120000-abcdefabcdef},
 * which are SemVer pre-releases built so that plain SemVer precedence orders them correctly. The
 * Go vulnerability database writes versions without the prefix ({@code 1.2.3}); both forms are
 * accepted and are equivalent.
 */
public final class GoScheme implements VersionScheme {

  @Override
  public String name() {
    return "Go";
  }

  @Override
  public Version parse(String text) {
    String core = text.startsWith("v") ? text.substring(1) : text;
    return SemanticVersion.parse(text, core, this);
  }

  /**
   * Whether {@code text} is a Go pseudo-version: a pre-release whose last two parts are a
   * 14-digit UTC timestamp and a 12-character commit hash.
   */
  public boolean isPseudoVersion(String text) {
    return text.matches(
        "v?\\d+\\.\\d+\\.\\d+-(?:(?:0|[0-9A-Za-z.-]*\\.0)\\.)?\\d{14}-[0-9a-f]{12}(?:\\+incompatible)?");
  }
}
