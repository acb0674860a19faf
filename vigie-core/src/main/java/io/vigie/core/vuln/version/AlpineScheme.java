package io.vigie.core.vuln.version;

import java.util.Arrays;
import java.util.List;

/**
 * Alpine (apk), as apk-tools compares package versions: {@code
 * number{.number}...{letter}{_suffix{number}}...{-r#}}. Suffixes rank {@code _alpha < _beta <
 * _pre < _rc <} (none) {@code < _cvs < _svn < _git < _hg < _p}; {@code -rN} is the package
 * revision. A dotted number with leading zeros compares as a decimal fraction ({@code 1.01 <
 * 1.1}). When one version is a prefix of the other, the longer is newer unless it continues with a
 * pre-release suffix.
 *
 * <p>The version is tokenised once into (token kind, value) pairs; comparison then walks both
 * token lists exactly as apk's streaming comparison does. Text that apk would reject (an unknown
 * suffix, a stray character) is refused by {@link #parse}.
 */
public final class AlpineScheme implements VersionScheme {

  // token kinds, in apk's order: a later kind ending a common prefix means an older version
  private static final int INVALID = -1;
  private static final int DIGIT_OR_ZERO = 0;
  private static final int DIGIT = 1;
  private static final int LETTER = 2;
  private static final int SUFFIX = 3;
  private static final int SUFFIX_NO = 4;
  private static final int REVISION_NO = 5;
  private static final int END = 6;

  private static final List<String> PRE_SUFFIXES = List.of("alpha", "beta", "pre", "rc");
  private static final List<String> POST_SUFFIXES = List.of("cvs", "svn", "git", "hg", "p");

  @Override
  public String name() {
    return "Alpine";
  }

  @Override
  public Version parse(String text) {
    if (text.isEmpty()) {
      throw InvalidVersion.of(name(), text, "it is empty");
    }
    Tokens tokens = tokenize(text);
    if (tokens.terminal != END) {
      throw InvalidVersion.of(
          name(),
          text,
          "expected number{.number}{letter}{_suffix{number}}{-r#}, stopped at position "
              + tokens.stoppedAt);
    }
    return new AlpineVersion(text, this, tokens);
  }

  /** The kinds and values of the tokens read, and the kind after the last one (END or INVALID). */
  private record Tokens(int[] kinds, long[] values, int terminal, int stoppedAt) {}

  private static Tokens tokenize(String s) {
    int[] kinds = new int[8];
    long[] values = new long[8];
    int count = 0;
    int kind = DIGIT;
    int pos = 0;
    while (true) {
      if (count == kinds.length) {
        kinds = Arrays.copyOf(kinds, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      if (pos >= s.length()) {
        // a separator ended the text ("1.", "1-r"): apk reads one more token, worth 0
        kinds[count] = kind;
        values[count++] = 0;
        kind = END;
        break;
      }
      int next = INVALID; // a kind fixed by the token itself (after leading zeros)
      long value = 0;
      int start = pos;
      switch (kind) {
        case DIGIT_OR_ZERO:
          if (s.charAt(pos) == '0') {
            while (pos < s.length() && s.charAt(pos) == '0') {
              pos++;
            }
            value = -(pos - start); // more leading zeros: smaller, as a decimal fraction
            next = DIGIT;
            break;
          }
          // fall through: an ordinary number
        case DIGIT:
        case SUFFIX_NO:
        case REVISION_NO:
          while (pos < s.length() && Digits.isDigit(s.charAt(pos))) {
            if (pos - start >= 18) {
              return new Tokens(kinds, values, INVALID, pos); // beyond what apk can hold
            }
            value = value * 10 + (s.charAt(pos++) - '0');
          }
          break;
        case LETTER:
          value = s.charAt(pos++);
          break;
        case SUFFIX:
          value = suffixValue(s, pos);
          if (value == Long.MIN_VALUE) {
            kinds[count] = kind;
            values[count++] = -1;
            return new Tokens(kinds, values, INVALID, pos);
          }
          pos += suffixLength(s, pos);
          break;
        default:
          return new Tokens(kinds, values, INVALID, pos);
      }
      kinds[count] = kind;
      values[count++] = value;
      if (pos >= s.length()) {
        kind = END;
        break;
      }
      if (next != INVALID) {
        kind = next;
        continue;
      }
      int previous = kind;
      char c = s.charAt(pos);
      if ((previous == DIGIT || previous == DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
        kind = LETTER;
      } else if (previous == LETTER && Digits.isDigit(c)) {
        kind = DIGIT;
      } else if (previous == SUFFIX && Digits.isDigit(c)) {
        kind = SUFFIX_NO;
      } else {
        kind = INVALID;
        if (c == '.') {
          kind = DIGIT_OR_ZERO;
        } else if (c == '_') {
          kind = SUFFIX;
        } else if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == 'r') {
          kind = REVISION_NO;
          pos++;
        }
        pos++;
      }
      if (kind < previous
          && !((kind == DIGIT_OR_ZERO && previous == DIGIT)
              || (kind == SUFFIX && previous == SUFFIX_NO)
              || (kind == DIGIT && previous == LETTER))) {
        kind = INVALID;
      }
      if (kind == INVALID) {
        break;
      }
    }
    return new Tokens(
        Arrays.copyOf(kinds, count), Arrays.copyOf(values, count), kind, Math.min(pos, s.length()));
  }

  /** Pre-release suffixes are negative (alpha = -4 ... rc = -1), the others 0..4. */
  private static long suffixValue(String s, int pos) {
    for (int i = 0; i < PRE_SUFFIXES.size(); i++) {
      if (s.startsWith(PRE_SUFFIXES.get(i), pos)) {
        return i - PRE_SUFFIXES.size();
      }
    }
    for (int i = 0; i < POST_SUFFIXES.size(); i++) {
      if (s.startsWith(POST_SUFFIXES.get(i), pos)) {
        return i;
      }
    }
    return Long.MIN_VALUE;
  }

  private static int suffixLength(String s, int pos) {
    for (String suffix : PRE_SUFFIXES) {
      if (s.startsWith(suffix, pos)) {
        return suffix.length();
      }
    }
    for (String suffix : POST_SUFFIXES) {
      if (s.startsWith(suffix, pos)) {
        return suffix.length();
      }
    }
    return 0;
  }

  private static final class AlpineVersion extends SchemeVersion {
    private final Tokens tokens;

    AlpineVersion(String text, AlpineScheme scheme, Tokens tokens) {
      super(text, scheme);
      this.tokens = tokens;
    }



    /** The kind of token {@code i}, or the terminal kind once past the last token. */
    private int kindAt(int i) {
      return i < tokens.kinds.length ? tokens.kinds[i] : tokens.terminal;
    }

    @Override
    public int compareTo(Version o) {
      AlpineVersion other = InvalidVersion.sameScheme(this, o, AlpineVersion.class);
      int i = 0;
      long av = 0;
      long bv = 0;
      int at = DIGIT;
      int bt = DIGIT;
      while (at == bt && at != END && at != INVALID && av == bv) {
        av = tokens.values[i];
        bv = other.tokens.values[i];
        i++;
        at = kindAt(i);
        bt = other.kindAt(i);
      }
      if (av != bv) {
        return av < bv ? -1 : 1;
      }
      if (at == bt) {
        return 0;
      }
      // equal so far: the longer is newer, unless what follows is a pre-release suffix
      if (at == SUFFIX && tokens.values[i] < 0) {
        return -1;
      }
      if (bt == SUFFIX && other.tokens.values[i] < 0) {
        return 1;
      }
      return at > bt ? -1 : 1;
    }

  }
}
