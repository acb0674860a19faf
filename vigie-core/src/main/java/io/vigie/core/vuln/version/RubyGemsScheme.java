package io.vigie.core.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RubyGems, as {@code Gem::Version} orders: the version is cut into runs of digits and runs of
 * letters ({@code 1.0.a2} is {@code 1, 0, "a", 2}; a {@code -} reads as {@code .pre.}); trailing
 * zeros of the numeric part and of the pre-release part are ignored; then segment by segment,
 * numbers numerically, words by byte order, and a word (a pre-release) before any number.
 */
public final class RubyGemsScheme implements VersionScheme {

  // Gem::Version::ANCHORED_VERSION_PATTERN, widened to letters right after the first number
  // ("1beta"): such versions exist on rubygems.org from older RubyGems, and the OSV fixtures order them
  private static final Pattern VALID =
      Pattern.compile(
          "[0-9]+[0-9a-zA-Z]*(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  @Override
  public String name() {
    return "RubyGems";
  }

  @Override
  public Version parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      s = "0"; // Gem::Version.new("") is version 0
    } else if (!VALID.matcher(s).matches()) {
      throw InvalidVersion.of(name(), text, "not digits and letters separated by dots");
    }
    return new GemVersion(text, this, canonicalSegments(s.replace("-", ".pre.")));
  }

  /** Segments as Strings (words) and digit Strings without leading zeros, canonicalised. */
  private static List<Object> canonicalSegments(String s) {
    List<Object> segments = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int j = i + 1;
      if (Digits.isDigit(c)) {
        while (j < s.length() && Digits.isDigit(s.charAt(j))) {
          j++;
        }
        segments.add(new Num(Digits.strip(s.substring(i, j))));
      } else if (Digits.isAsciiLetter(c)) {
        while (j < s.length() && Digits.isAsciiLetter(s.charAt(j))) {
          j++;
        }
        segments.add(s.substring(i, j));
      }
      i = j;
    }
    int firstWord = 0;
    while (firstWord < segments.size() && segments.get(firstWord) instanceof Num) {
      firstWord++;
    }
    List<Object> numeric = dropTrailingZeros(segments.subList(0, firstWord));
    List<Object> words = dropTrailingZeros(segments.subList(firstWord, segments.size()));
    List<Object> canonical = new ArrayList<>(numeric);
    canonical.addAll(words);
    return List.copyOf(canonical);
  }

  private static List<Object> dropTrailingZeros(List<Object> segments) {
    int end = segments.size();
    while (end > 0 && segments.get(end - 1) instanceof Num n && n.digits().equals("0")) {
      end--;
    }
    return segments.subList(0, end);
  }

  private record Num(String digits) {}

  private static final class GemVersion extends SchemeVersion {
    private static final Num ZERO = new Num("0");
    private final List<Object> segments;

    GemVersion(String text, RubyGemsScheme scheme, List<Object> segments) {
      super(text, scheme);
      this.segments = segments;
    }



    @Override
    public int compareTo(Version o) {
      GemVersion other = InvalidVersion.sameScheme(this, o, GemVersion.class);
      int n = Math.max(segments.size(), other.segments.size());
      for (int i = 0; i < n; i++) {
        Object a = i < segments.size() ? segments.get(i) : ZERO;
        Object b = i < other.segments.size() ? other.segments.get(i) : ZERO;
        int c;
        if (a instanceof Num x && b instanceof Num y) {
          c = Digits.compare(x.digits(), y.digits());
        } else if (a instanceof Num) {
          c = 1;
        } else if (b instanceof Num) {
          c = -1;
        } else {
          c = Integer.signum(((String) a).compareTo((String) b));
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

  }
}
