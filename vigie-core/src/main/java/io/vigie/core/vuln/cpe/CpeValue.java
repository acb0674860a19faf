package io.vigie.core.vuln.cpe;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One attribute of a CPE name (NISTIR 7695 §5.3): the logical value ANY ({@code *}), the logical
 * value NA ({@code -}), or a value. A value is kept in its formatted-string form, lower-cased, with
 * the escapes the formatted string needs (so {@code \:} or {@code \*} stay escaped) and the three
 * characters that never need one ({@code . - _}) unescaped, so two spellings of one value compare
 * equal. Unescaped {@code *} and {@code ?} in a value are wildcards (allowed only at its start or
 * end, as §5.3.2 says); {@link #logical()} is the value with its escapes removed, what version
 * comparison and people read. Immutable.
 */
public record CpeValue(Kind kind, String bound) {

  public enum Kind { ANY, NA, VALUE }

  public static final CpeValue ANY = new CpeValue(Kind.ANY, "*");
  public static final CpeValue NA = new CpeValue(Kind.NA, "-");

  public CpeValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bound, "bound");
  }

  /** A value from its canonical bound form (see {@link Cpe#parse}); package-private on purpose. */
  static CpeValue value(String canonical) {
    return new CpeValue(Kind.VALUE, canonical);
  }

  public boolean isAny() {
    return kind == Kind.ANY;
  }

  public boolean isNa() {
    return kind == Kind.NA;
  }

  /** True when the value holds an unescaped {@code *} or {@code ?}: a pattern, not one name. */
  public boolean hasWildcard() {
    if (kind != Kind.VALUE) {
      return false;
    }
    for (int i = 0; i < bound.length(); i++) {
      char c = bound.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** The value without escapes ({@code 8.0\:sp1} → {@code 8.0:sp1}); {@code *} or {@code -} for ANY and NA. */
  public String logical() {
    if (kind != Kind.VALUE) {
      return bound;
    }
    StringBuilder out = new StringBuilder(bound.length());
    for (int i = 0; i < bound.length(); i++) {
      char c = bound.charAt(i);
      if (c == '\\' && i + 1 < bound.length()) {
        c = bound.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * How this attribute of a source name (an NVD criterion) relates to the same attribute of a
   * target name (a component's CPE), per NISTIR 7696 Table 6-2. A target with a wildcard is refused
   * by the caller before this is asked (7696 leaves that case undefined).
   */
  public Relation compareAsSource(CpeValue target) {
    switch (kind) {
      case ANY:
        return target.isAny() ? Relation.EQUAL : Relation.SUPERSET;
      case NA:
        return target.isNa() ? Relation.EQUAL : target.isAny() ? Relation.SUBSET : Relation.DISJOINT;
      default:
        if (target.isAny()) {
          return Relation.SUBSET;
        }
        if (target.isNa()) {
          return Relation.DISJOINT;
        }
        if (!hasWildcard()) {
          return bound.equals(target.bound) ? Relation.EQUAL : Relation.DISJOINT;
        }
        return pattern().matcher(target.bound).matches() ? Relation.SUPERSET : Relation.DISJOINT;
    }
  }

  /** The relations of NISTIR 7696 §6.1 between a source and a target attribute. */
  public enum Relation { EQUAL, SUPERSET, SUBSET, DISJOINT }

  /**
   * The wildcard value as a regular expression over bound forms: {@code *} any run of characters,
   * {@code ?} one character (an escaped pair {@code \x} counts as one), everything else literal.
   */
  private Pattern pattern() {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < bound.length(); i++) {
      char c = bound.charAt(i);
      if (c == '\\' && i + 1 < bound.length()) {
        regex.append(Pattern.quote(bound.substring(i, i + 2)));
        i++;
      } else if (c == '*') {
        regex.append("(?:\\\\.|[^\\\\])*");
      } else if (c == '?') {
        regex.append("(?:\\\\.|[^\\\\])");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return bound;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
