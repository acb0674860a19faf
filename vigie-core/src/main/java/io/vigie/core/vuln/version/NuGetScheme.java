package io.vigie.core.vuln.version;

import java.util.Locale;

/**
 * NuGet, as {@code NuGetVersion} compares (https://learn.microsoft.com/nuget/concepts/package-versioning):
 * one to four numeric parts (missing parts are 0, leading zeros allowed, so {@code 1.0.01} is
 * {@code 1.0.1.0}); then SemVer 2.0 pre-release precedence except that labels compare
 * case-insensitively; build metadata after {@code +} is ignored.
 */
public final class NuGetScheme implements VersionScheme {

  @Override
  public String name() {
    return "NuGet";
  }

  @Override
  public Version parse(String text) {
    String rest = text.strip();
    int plus = rest.indexOf('+');
    if (plus >= 0) {
      if (plus == rest.length() - 1) {
        throw InvalidVersion.of(name(), text, "empty metadata after '+'");
      }
      rest = rest.substring(0, plus);
    }
    String[] pre = new String[0];
    int dash = rest.indexOf('-');
    if (dash >= 0) {
      String preText = rest.substring(dash + 1);
      rest = rest.substring(0, dash);
      pre = preText.toLowerCase(Locale.ROOT).split("\\.", -1);
      for (String label : pre) {
        if (label.isEmpty() || !label.matches("[0-9a-z-]+")) {
          throw InvalidVersion.of(name(), text, "bad pre-release label '" + label + "'");
        }
      }
    }
    String[] numbers = rest.split("\\.", -1);
    if (numbers.length > 4) {
      throw InvalidVersion.of(name(), text, "more than four numeric parts");
    }
    String[] parts = {"0", "0", "0", "0"};
    for (int i = 0; i < numbers.length; i++) {
      if (!Digits.isAllDigits(numbers[i])) {
        throw InvalidVersion.of(name(), text, "'" + numbers[i] + "' is not a number");
      }
      parts[i] = Digits.strip(numbers[i]);
    }
    return new NuGetVersion(text, this, parts, pre);
  }

  private static final class NuGetVersion extends SchemeVersion {
    private final String[] parts;
    private final String[] prerelease; // lower-cased labels

    NuGetVersion(String text, NuGetScheme scheme, String[] parts, String[] prerelease) {
      super(text, scheme);
      this.parts = parts;
      this.prerelease = prerelease;
    }



    @Override
    public int compareTo(Version o) {
      NuGetVersion other = InvalidVersion.sameScheme(this, o, NuGetVersion.class);
      for (int i = 0; i < 4; i++) {
        int c = Digits.compare(parts[i], other.parts[i]);
        if (c != 0) {
          return c;
        }
      }
      return SemanticVersion.comparePrerelease(prerelease, other.prerelease);
    }

  }
}
