package io.vigie.core.vuln.cpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Orders the versions of CPE version bounds, which belong to no ecosystem: NVD writes whatever the
 * vendor does ({@code 4.8.1}, {@code 1.0.2k}, {@code 5.0.0-rc1}, {@code r0.13c}). A wrong order here
 * is a wrong match, so this comparator orders only what it can justify and says "cannot tell"
 * otherwise; the caller then reports the record as not evaluable instead of guessing.
 *
 * <p>A version is cut into numbers and words at separators ({@code . - _ + ~}) and at every change
 * between digits and letters. A leading {@code v} is dropped ({@code v4.8.1}); words that only mark
 * a release ({@code stable}, {@code release}, {@code final}, {@code ga}) are dropped, as wolfSSL's
 * {@code 4.8.1-stable} is 4.8.1. Then, position by position:
 *
 * <ul>
 *   <li>numbers compare numerically, and a missing number is 0 ({@code 1.0} = {@code 1.0.0});
 *   <li>a pre-release word ({@code dev < alpha < beta < pre/preview < rc}, optionally followed by a
 *       number) sorts before the release it precedes ({@code 5.0.0-rc1 < 5.0.0 < 5.0.1}), and
 *       before any number at the same position;
 *   <li>one letter glued to the end of a number, with no digit after it, is a post-release letter as
 *       OpenSSL and FatFs use it ({@code 1.0.2 < 1.0.2a < 1.0.2k < 1.0.3}); compared with another
 *       such letter alphabetically;
 *   <li>the same other word on both sides is skipped ({@code r0.13} vs {@code r0.14}).
 * </ul>
 *
 * Everything else cannot be ordered and gives an empty answer: two different unknown words
 * ({@code 1.0-foo} vs {@code 1.0-bar}), a word against a number or nothing ({@code r0.13} vs
 * {@code 0.13}, {@code 1.0-patch} vs {@code 1.0}), a post-release letter against a number
 * ({@code 1.0.2k} vs {@code 1.0.2.1}), letters with digits after them that are no known pre-release
 * ({@code 1.0b2}: beta 2 or build b2?), characters outside printable ASCII, or an empty version.
 */
public final class CpeVersion {

  private CpeVersion() {}

  /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}; empty when they cannot be ordered. */
  public static Optional<Integer> compare(String a, String b) {
    Optional<List<Token>> ta = tokens(a);
    Optional<List<Token>> tb = tokens(b);
    if (ta.isEmpty() || tb.isEmpty()) {
      return Optional.empty();
    }
    List<Token> x = ta.get();
    List<Token> y = tb.get();
    int n = Math.max(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      Token p = i < x.size() ? x.get(i) : null;
      Token q = i < y.size() ? y.get(i) : null;
      Optional<Integer> c = compareTokens(p, q);
      if (c.isEmpty()) {
        return c;
      }
      if (c.get() != 0) {
        return c;
      }
    }
    return Optional.of(0);
  }

  /** Why {@link #compare} refuses these two, for the explanation a report shows. */
  public static String whyNotComparable(String a, String b) {
    return "versions '" + a + "' and '" + b + "' cannot be ordered without knowing the product's versioning"
        + " (different words, a word against a number, or an ambiguous letter)";
  }

  private enum Kind { NUMBER, PRE, POST, WORD }

  /** {@code number} for NUMBER (and PRE's trailing number), {@code rank} for PRE, {@code text} for POST and WORD. */
  private record Token(Kind kind, java.math.BigInteger number, int rank, String text) {}

  private static Optional<Integer> compareTokens(Token p, Token q) {
    if (p == null && q == null) {
      return Optional.of(0);
    }
    if (p == null || q == null) {
      Token t = p == null ? q : p;
      int sign = p == null ? -1 : 1; // sign of (present vs missing) from p's point of view
      switch (t.kind()) {
        case NUMBER:
          return Optional.of(t.number().signum() == 0 ? 0 : sign);
        case PRE:
          return Optional.of(-sign); // 5.0.0-rc1 < 5.0.0
        case POST:
          return Optional.of(sign); // 1.0.2k > 1.0.2
        default:
          return Optional.empty();
      }
    }
    if (p.kind() == q.kind()) {
      switch (p.kind()) {
        case NUMBER:
          return Optional.of(Integer.signum(p.number().compareTo(q.number())));
        case PRE:
          int r = Integer.compare(p.rank(), q.rank());
          return Optional.of(r != 0 ? Integer.signum(r) : Integer.signum(p.number().compareTo(q.number())));
        case POST:
          return Optional.of(Integer.signum(p.text().compareTo(q.text())));
        default:
          return p.text().equals(q.text()) ? Optional.of(0) : Optional.empty();
      }
    }
    if (p.kind() == Kind.PRE && q.kind() == Kind.NUMBER) {
      return Optional.of(-1);
    }
    if (p.kind() == Kind.NUMBER && q.kind() == Kind.PRE) {
      return Optional.of(1);
    }
    return Optional.empty();
  }

  private static final List<String> PRE_WORDS = List.of("dev", "alpha", "beta", "pre", "preview", "rc");
  private static final List<String> RELEASE_WORDS = List.of("stable", "release", "final", "ga");

  private static Optional<List<Token>> tokens(String version) {
    String v = version.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("*") || v.equals("-")) {
      return Optional.empty();
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return Optional.empty();
      }
    }
    if (v.length() > 1 && v.charAt(0) == 'v' && Character.isDigit(v.charAt(1))) {
      v = v.substring(1);
    }
    // Runs of digits and of letters; anything else separates.
    List<String> runs = new ArrayList<>();
    List<Boolean> gluedToPreviousNumber = new ArrayList<>();
    int i = 0;
    boolean previousWasNumberAdjacent = false;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (Character.isDigit(c) || Character.isLetter(c)) {
        boolean digits = Character.isDigit(c);
        int j = i;
        while (j < v.length() && (digits ? Character.isDigit(v.charAt(j)) : Character.isLetter(v.charAt(j)))) {
          j++;
        }
        runs.add(v.substring(i, j));
        gluedToPreviousNumber.add(!digits && previousWasNumberAdjacent);
        previousWasNumberAdjacent = digits;
        i = j;
      } else if (".-_+~".indexOf(c) >= 0) {
        previousWasNumberAdjacent = false;
        i++;
      } else {
        return Optional.empty(); // '/', ':', '(' …: not a version this comparator understands
      }
    }
    List<Token> out = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      String run = runs.get(k);
      if (Character.isDigit(run.charAt(0))) {
        out.add(new Token(Kind.NUMBER, new java.math.BigInteger(run), 0, ""));
        continue;
      }
      boolean numberFollows = k + 1 < runs.size() && Character.isDigit(runs.get(k + 1).charAt(0));
      boolean last = k + 1 == runs.size();
      int pre = PRE_WORDS.indexOf(run);
      if (pre >= 0) {
        java.math.BigInteger n = java.math.BigInteger.ZERO;
        if (numberFollows) {
          n = new java.math.BigInteger(runs.get(++k));
        }
        // pre and preview rank alike; rc after them.
        out.add(new Token(Kind.PRE, n, pre == 4 ? 3 : pre > 4 ? 4 : pre, ""));
      } else if (RELEASE_WORDS.contains(run)) {
        continue;
      } else if (run.length() == 1 && gluedToPreviousNumber.get(k) && (last || !numberFollows)) {
        out.add(new Token(Kind.POST, java.math.BigInteger.ZERO, 0, run));
      } else if (numberFollows && gluedToPreviousNumber.get(k)) {
        return Optional.empty(); // 1.0b2: beta 2 or build b2? cannot tell
      } else {
        out.add(new Token(Kind.WORD, java.math.BigInteger.ZERO, 0, run));
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }
}
