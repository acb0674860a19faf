package io.vigie.core.vuln.version;

/**
 * RPM ({@code [epoch:]version[-release]}), the ordering of Red Hat, AlmaLinux, Rocky Linux, SUSE
 * and other RPM distributions: epochs numerically (missing is 0), then version and release with
 * {@code rpmvercmp}: ASCII letters and digits form the segments and everything else separates
 * them; {@code ~} sorts before anything (even the end, {@code 1.0~rc1 < 1.0}); {@code ^} sorts
 * after the end but before anything else ({@code 1.0 < 1.0^git1 < 1.0.1}); a numeric segment is
 * newer than an alphabetic one; numbers numerically, words by byte order. A version without a
 * release sorts before the same version with one.
 *
 * <p>As in rpm's own parser, an "epoch" that is not all digits is not an epoch: {@code a:1} is a
 * version string compared as a whole.
 */
public final class RpmScheme implements VersionScheme {

  @Override
  public String name() {
    return "RPM";
  }

  @Override
  public Version parse(String text) {
    if (text.isEmpty()) {
      throw InvalidVersion.of(name(), text, "it is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        throw InvalidVersion.of(name(), text, "it contains whitespace");
      }
    }
    String epoch = "0";
    String rest = text;
    int colon = text.indexOf(':');
    if (colon >= 0 && (colon == 0 || Digits.isAllDigits(text.substring(0, colon)))) {
      epoch = colon == 0 ? "0" : Digits.strip(text.substring(0, colon));
      rest = text.substring(colon + 1);
    }
    String version = rest;
    String release = null;
    int dash = rest.lastIndexOf('-'); // rpm splits the release off at the last '-'
    if (dash >= 0) {
      version = rest.substring(0, dash);
      release = rest.substring(dash + 1);
    }
    return new RpmVersion(text, this, epoch, version, release);
  }

  /** rpm's rpmvercmp (lib/rpmvercmp.c), on ASCII classes. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while (i < a.length() && isSeparator(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isSeparator(b.charAt(j))) {
        j++;
      }
      char ca = i < a.length() ? a.charAt(i) : 0;
      char cb = j < b.length() ? b.charAt(j) : 0;
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (ca == 0) {
          return -1;
        }
        if (cb == 0) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == 0 || cb == 0) {
        break;
      }
      boolean numeric = Digits.isDigit(ca);
      int aEnd = i;
      int bEnd = j;
      if (numeric) {
        while (aEnd < a.length() && Digits.isDigit(a.charAt(aEnd))) {
          aEnd++;
        }
        while (bEnd < b.length() && Digits.isDigit(b.charAt(bEnd))) {
          bEnd++;
        }
      } else {
        while (aEnd < a.length() && Digits.isAsciiLetter(a.charAt(aEnd))) {
          aEnd++;
        }
        while (bEnd < b.length() && Digits.isAsciiLetter(b.charAt(bEnd))) {
          bEnd++;
        }
      }
      if (bEnd == j) {
        return numeric ? 1 : -1; // segments of different kinds: numbers are newer
      }
      int c;
      if (numeric) {
        c = Digits.compare(a, i, aEnd, b, j, bEnd);
      } else {
        c = Integer.signum(a.substring(i, aEnd).compareTo(b.substring(j, bEnd)));
      }
      if (c != 0) {
        return c;
      }
      i = aEnd;
      j = bEnd;
    }
    boolean aDone = i >= a.length();
    boolean bDone = j >= b.length();
    if (aDone && bDone) {
      return 0;
    }
    return aDone ? -1 : 1;
  }

  private static boolean isSeparator(char c) {
    return !(Digits.isDigit(c) || Digits.isAsciiLetter(c) || c == '~' || c == '^');
  }

  private static final class RpmVersion extends SchemeVersion {
    private final String epoch;
    private final String version;
    private final String release; // null when absent

    RpmVersion(String text, RpmScheme scheme, String epoch, String version, String release) {
      super(text, scheme);
      this.epoch = epoch;
      this.version = version;
      this.release = release;
    }



    @Override
    public int compareTo(Version o) {
      RpmVersion other = InvalidVersion.sameScheme(this, o, RpmVersion.class);
      int c = Digits.compare(epoch, other.epoch);
      if (c == 0) {
        c = rpmvercmp(version, other.version);
      }
      if (c != 0) {
        return c;
      }
      if (release == null || other.release == null) {
        return Boolean.compare(release != null, other.release != null);
      }
      return rpmvercmp(release, other.release);
    }

  }
}
