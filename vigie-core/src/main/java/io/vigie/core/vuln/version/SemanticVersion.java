package io.vigie.core.vuln.version;

/**
 * A SemVer 2.0.0 version (https://semver.org): {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}, the
 * shared key of the npm, Go, crates.io and plain SemVer schemes, which differ only in the prefixes
 * they tolerate. Precedence follows clause 11 of the spec: numeric core, then a release sorts
 * after its pre-releases, pre-release identifiers compared numerically when all digits and in
 * ASCII order otherwise (digits first), a longer list wins a tie; build metadata is ignored.
 * Numbers are unbounded.
 */
final class SemanticVersion extends SchemeVersion {
  private final String major;
  private final String minor;
  private final String patch;
  private final String[] prerelease;
  private final String build;

  private SemanticVersion(
      String text,
      VersionScheme scheme,
      String major,
      String minor,
      String patch,
      String[] prerelease,
      String build) {
    super(text, scheme);
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = prerelease;
    this.build = build;
  }

  /**
   * Parses {@code core} (the text with any tolerated prefix already removed) strictly by the
   * SemVer 2.0.0 grammar.
   */
  static SemanticVersion parse(String text, String core, VersionScheme scheme) {
    String name = scheme.name();
    String rest = core;
    String build = "";
    int plus = rest.indexOf('+');
    if (plus >= 0) {
      build = rest.substring(plus + 1);
      rest = rest.substring(0, plus);
      if (build.isEmpty()) {
        throw InvalidVersion.of(name, text, "empty build metadata after '+'");
      }
      for (String id : build.split("\\.", -1)) {
        checkIdentifier(name, text, id, "build metadata", false);
      }
    }
    String[] pre = new String[0];
    int dash = rest.indexOf('-');
    if (dash >= 0) {
      String preText = rest.substring(dash + 1);
      rest = rest.substring(0, dash);
      if (preText.isEmpty()) {
        throw InvalidVersion.of(name, text, "empty pre-release after '-'");
      }
      pre = preText.split("\\.", -1);
      for (String id : pre) {
        checkIdentifier(name, text, id, "pre-release", true);
      }
    }
    String[] numbers = rest.split("\\.", -1);
    if (numbers.length != 3) {
      throw InvalidVersion.of(
          name, text, "expected MAJOR.MINOR.PATCH, found " + numbers.length + " number(s)");
    }
    for (String n : numbers) {
      if (!Digits.isAllDigits(n)) {
        throw InvalidVersion.of(name, text, "'" + n + "' is not a number");
      }
      if (n.length() > 1 && n.charAt(0) == '0') {
        throw InvalidVersion.of(name, text, "'" + n + "' has a leading zero");
      }
    }
    return new SemanticVersion(text, scheme, numbers[0], numbers[1], numbers[2], pre, build);
  }

  private static void checkIdentifier(
      String name, String text, String id, String part, boolean noLeadingZero) {
    if (id.isEmpty()) {
      throw InvalidVersion.of(name, text, "empty identifier in " + part);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(Digits.isDigit(c) || Digits.isAsciiLetter(c) || c == '-')) {
        throw InvalidVersion.of(name, text, "'" + c + "' is not allowed in " + part);
      }
    }
    if (noLeadingZero && id.length() > 1 && id.charAt(0) == '0' && Digits.isAllDigits(id)) {
      throw InvalidVersion.of(name, text, "numeric identifier '" + id + "' has a leading zero");
    }
  }



  boolean isPrerelease() {
    return prerelease.length > 0;
  }

  /** Whether major, minor and patch are all at most {@code max} (a digit string). */
  boolean coreFitsIn(String max) {
    return Digits.compare(major, max) <= 0
        && Digits.compare(minor, max) <= 0
        && Digits.compare(patch, max) <= 0;
  }

  /** The build metadata after {@code +}, empty when absent; it takes no part in ordering. */
  String build() {
    return build;
  }

  @Override
  public int compareTo(Version o) {
    SemanticVersion other = InvalidVersion.sameScheme(this, o, SemanticVersion.class);
    int c = Digits.compare(major, other.major);
    if (c == 0) {
      c = Digits.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Digits.compare(patch, other.patch);
    }
    return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
  }

  static int comparePrerelease(String[] a, String[] b) {
    if (a.length == 0 || b.length == 0) {
      return Integer.compare(b.length, a.length); // a release sorts after its pre-releases
    }
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      boolean aNum = Digits.isAllDigits(a[i]);
      boolean bNum = Digits.isAllDigits(b[i]);
      int c;
      if (aNum && bNum) {
        c = Digits.compare(a[i], b[i]);
      } else if (aNum != bNum) {
        c = aNum ? -1 : 1;
      } else {
        c = Integer.signum(a[i].compareTo(b[i]));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

}
