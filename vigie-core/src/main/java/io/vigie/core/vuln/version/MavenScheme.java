package io.vigie.core.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maven, by the "Version Order Specification" of the POM reference
 * (https://maven.apache.org/pom.html#version-order-specification), the ordering OSV.dev uses for
 * the Maven ecosystem.
 *
 * <p>Why not {@code ComparableVersion} from maven-artifact 3.9.x: it disagrees with both oracles
 * we test against, the OSV ordering fixtures (19 of 14,860 lines, for example {@code 1.0.0-RC16 <
 * 1.0.0.RC8-beta} and {@code 2.9.0-1 < 2.9.0.RC1}) and the package-url vers-spec suite (6 of 977,
 * {@code 2.0.a < 2.0.0.a}), because its tokenizer drifts from the written specification.
 *
 * <p>The rules: split at {@code .} and {@code -} and at every digit/non-digit transition (a
 * transition counts as {@code -}); lower-case; {@code cr} is {@code rc}; {@code ga}, {@code final}
 * and {@code release} are empty; {@code a}, {@code b}, {@code m} directly followed by a digit are
 * alpha, beta, milestone; trailing "null" tokens (0, empty) are trimmed at the end and before each
 * {@code -}. Compare token by token, padding the shorter side with nulls of the other side's
 * prefix; same prefix: numbers numerically, numbers after qualifiers, qualifiers in the order
 * alpha &lt; beta &lt; milestone &lt; rc &lt; snapshot &lt; "" &lt; sp &lt; anything else
 * (alphabetical); different prefixes: {@code .qualifier < -qualifier < -number < .number}.
 */
public final class MavenScheme implements VersionScheme {

  private static final List<String> KNOWN_QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

  @Override
  public String name() {
    return "Maven";
  }

  @Override
  public Version parse(String text) {
    if (text.isBlank()) {
      throw InvalidVersion.of(name(), text, "it is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        throw InvalidVersion.of(name(), text, "it contains whitespace");
      }
    }
    return new MavenVersion(text, this, tokenize(text));
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    char prefix = 0; // the first token has none; it behaves as '.'
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      if (i == lower.length() || lower.charAt(i) == '.' || lower.charAt(i) == '-') {
        addPart(tokens, prefix == 0 ? '.' : prefix, lower.substring(start, i));
        if (i < lower.length()) {
          prefix = lower.charAt(i);
        }
        start = i + 1;
      }
    }
    trimNulls(tokens);
    return List.copyOf(tokens);
  }

  /** One part between separators, further split at digit/non-digit transitions. */
  private static void addPart(List<Token> tokens, char prefix, String part) {
    if (part.isEmpty()) {
      tokens.add(Token.of(prefix, "0"));
      return;
    }
    int from = 0;
    char p = prefix;
    for (int i = 1; i <= part.length(); i++) {
      if (i == part.length()
          || Digits.isDigit(part.charAt(i)) != Digits.isDigit(part.charAt(i - 1))) {
        String value = part.substring(from, i);
        boolean followedByDigit = i < part.length();
        tokens.add(Token.of(p, normalise(value, followedByDigit)));
        p = '-';
        from = i;
      }
    }
  }

  private static String normalise(String value, boolean followedByDigit) {
    switch (value) {
      case "cr":
        return "rc";
      case "ga":
      case "final":
      case "release":
        return "";
      case "a":
        return followedByDigit ? "alpha" : value;
      case "b":
        return followedByDigit ? "beta" : value;
      case "m":
        return followedByDigit ? "milestone" : value;
      default:
        return Digits.isAllDigits(value) ? Digits.strip(value) : value;
    }
  }

  /**
   * From the end, drop null tokens (0, "", final, ga), and again before each remaining '-' going
   * back to the start, as the specification's normalisation step says.
   */
  private static void trimNulls(List<Token> tokens) {
    int i = tokens.size() - 1;
    while (i > 0) {
      if (tokens.get(i).isNull()) {
        tokens.remove(i);
        i--;
        continue;
      }
      while (i >= 0 && tokens.get(i).prefix != '-') {
        i--;
      }
      i--;
    }
  }

  /** One token: its prefix ('.' or '-') and its value (digits without leading zeros, or a word). */
  private record Token(char prefix, String value, boolean numeric, boolean padding) {
    static Token of(char prefix, String value) {
      return new Token(prefix, value, Digits.isAllDigits(value), false);
    }

    /** The null a shorter version is padded with, shaped by the other side's token. */
    static Token paddingFor(Token other) {
      if (other.prefix == '.') {
        // "sp" is the one qualifier after the empty one, so pad it with "" rather than 0
        return new Token('.', other.value.equals("sp") ? "" : "0", !other.value.equals("sp"), true);
      }
      return new Token('-', "", false, true);
    }

    boolean isNull() {
      return value.equals("0") || value.isEmpty();
    }

    boolean sameAs(Token o) {
      return prefix == o.prefix && value.equals(o.value);
    }

    int compare(Token o) {
      if (prefix == o.prefix) {
        if (numeric && o.numeric) {
          return Digits.compare(value, o.value);
        }
        // numbers sort after qualifiers, except a padding null
        if (numeric && !padding) {
          return 1;
        }
        if (o.numeric && !o.padding) {
          return -1;
        }
        int left = qualifierRank(value);
        int right = qualifierRank(o.value);
        if (left == KNOWN_QUALIFIERS.size() && right == KNOWN_QUALIFIERS.size()) {
          return Integer.signum(value.compareTo(o.value));
        }
        return Integer.compare(left, right);
      }
      return Integer.compare(prefixRank(), o.prefixRank());
    }

    private static int qualifierRank(String value) {
      int i = KNOWN_QUALIFIERS.indexOf(value);
      return i < 0 ? KNOWN_QUALIFIERS.size() : i;
    }

    /** {@code .qualifier < -qualifier < -number < .number}. */
    private int prefixRank() {
      if (numeric) {
        return prefix == '-' ? 2 : 3;
      }
      return prefix == '-' ? 1 : 0;
    }
  }

  private static final class MavenVersion extends SchemeVersion {
    private final List<Token> tokens;

    MavenVersion(String text, MavenScheme scheme, List<Token> tokens) {
      super(text, scheme);
      this.tokens = tokens;
    }



    @Override
    public int compareTo(Version o) {
      MavenVersion other = InvalidVersion.sameScheme(this, o, MavenVersion.class);
      int n = Math.max(tokens.size(), other.tokens.size());
      for (int i = 0; i < n; i++) {
        Token left = i < tokens.size() ? tokens.get(i) : Token.paddingFor(other.tokens.get(i));
        Token right =
            i < other.tokens.size() ? other.tokens.get(i) : Token.paddingFor(tokens.get(i));
        if (left.sameAs(right)) {
          continue;
        }
        int c = left.compare(right);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

  }
}
