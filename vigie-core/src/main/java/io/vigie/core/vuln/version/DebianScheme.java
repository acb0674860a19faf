package io.vigie.core.vuln.version;

/**
 * Debian (and Ubuntu), as dpkg compares (deb-version(7)): {@code [epoch:]upstream[-revision]}.
 * Epochs compare numerically; upstream and revision are compared by alternating non-digit and
 * digit runs, where in a non-digit run {@code ~} sorts before everything, even the end of the
 * string (so {@code 1.0~rc1 < 1.0}), then the end, then letters, then other characters; digit
 * runs compare numerically. A missing revision compares as {@code 0}'s empty string.
 */
public final class DebianScheme implements VersionScheme {

  @Override
  public String name() {
    return "Debian";
  }

  @Override
  public Version parse(String text) {
    if (text.isEmpty()) {
      throw InvalidVersion.of(name(), text, "it is empty");
    }
    String epoch = "0";
    String rest = text;
    int colon = text.indexOf(':');
    if (colon >= 0) {
      epoch = text.substring(0, colon);
      rest = text.substring(colon + 1);
      if (!Digits.isAllDigits(epoch)) {
        throw InvalidVersion.of(name(), text, "the epoch '" + epoch + "' is not a number");
      }
    }
    String upstream = rest;
    String revision = "";
    int dash = rest.lastIndexOf('-');
    if (dash >= 0) {
      upstream = rest.substring(0, dash);
      revision = rest.substring(dash + 1);
    }
    if (upstream.isEmpty()) {
      throw InvalidVersion.of(name(), text, "the upstream version is empty");
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (!(Digits.isDigit(c) || Digits.isAsciiLetter(c) || ".+~-:".indexOf(c) >= 0)) {
        throw InvalidVersion.of(name(), text, "'" + c + "' is not allowed");
      }
    }
    return new DebianVersion(text, this, Digits.strip(epoch), upstream, revision);
  }

  /** dpkg's verrevcmp. */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !Digits.isDigit(a.charAt(i)))
          || (j < b.length() && !Digits.isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return ac < bc ? -1 : 1;
        }
        i++;
        j++;
      }
      int aStart = i;
      int bStart = j;
      while (i < a.length() && Digits.isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && Digits.isDigit(b.charAt(j))) {
        j++;
      }
      int c = Digits.compare(a, aStart, i, b, bStart, j);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The weight of the character at {@code i} in a non-digit run; 0 past the end or at a digit. */
  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (Digits.isDigit(c)) {
      return 0;
    }
    if (Digits.isAsciiLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static final class DebianVersion extends SchemeVersion {
    private final String epoch;
    private final String upstream;
    private final String revision;

    DebianVersion(
        String text, DebianScheme scheme, String epoch, String upstream, String revision) {
      super(text, scheme);
      this.epoch = epoch;
      this.upstream = upstream;
      this.revision = revision;
    }



    @Override
    public int compareTo(Version o) {
      DebianVersion other = InvalidVersion.sameScheme(this, o, DebianVersion.class);
      int c = Digits.compare(epoch, other.epoch);
      if (c == 0) {
        c = compareParts(upstream, other.upstream);
      }
      return c != 0 ? c : compareParts(revision, other.revision);
    }

  }
}
