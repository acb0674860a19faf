package io.vigie.core.vuln.version;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How high a package's {@code affected} entries reach: for each ordering their ranges and lists
 * use, the highest version any of them names; a version above all of these (in every one of those
 * orderings) is affected by none of them. Or "unbounded", when some entry says affected with no
 * end (a range still open after its last event, or a list Vigie cannot order). Immutable.
 *
 * <p>Why: most components of a maintained product are at versions past every fix of their
 * package, and learning that from the entries means reading and compiling all of them (a
 * distribution's package has hundreds). The database keeps each package's ceiling beside its
 * name, so that a scan asks for the entries of only the components at or below it.
 *
 * <p>Sound by construction with {@link AffectedMatcher#evaluate}: a range can only say
 * "affected" for a version its ordering parses, between its events (or below a limit); a list
 * only for a version equal to one of its entries, and a text equal to a listed text that the
 * ordering parses is equal to it in that ordering. Ranges that cannot be evaluated (GIT, an
 * ordering Vigie does not know, an event the ordering rejects) never say "affected" and set no
 * bound. A version the ceiling's orderings cannot all parse is never above it.
 */
public final class AffectedCeiling {

  /** Nothing to reach: no entry can say "affected" by version (only GIT ranges, say). */
  public static final AffectedCeiling NONE = new AffectedCeiling(Map.of());

  /** Some entry says "affected" with no end, or in a way the ceiling cannot bound. */
  public static final AffectedCeiling UNBOUNDED = new AffectedCeiling(null);

  /** The highest version named, by ordering; null when unbounded. */
  private final Map<VersionScheme, Version> highest;

  private AffectedCeiling(Map<VersionScheme, Version> highest) {
    this.highest = highest;
  }

  /** The ceiling of one entry. */
  public static AffectedCeiling of(OsvAffected entry) {
    return AffectedMatcher.of(entry).ceiling();
  }

  /** A ceiling at {@code version} in its own ordering. */
  static AffectedCeiling at(Version version) {
    return new AffectedCeiling(Map.of(version.scheme(), version));
  }

  public boolean isUnbounded() {
    return highest == null;
  }

  /** The ceiling of both: the higher version in each ordering; unbounded if either is. */
  public AffectedCeiling with(AffectedCeiling other) {
    if (highest == null || other.highest == null) {
      return UNBOUNDED;
    }
    if (other.highest.isEmpty()) {
      return this;
    }
    if (highest.isEmpty()) {
      return other;
    }
    Map<VersionScheme, Version> both = new java.util.HashMap<>(highest);
    other.highest.forEach((scheme, v) -> both.merge(scheme, v, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    return new AffectedCeiling(Collections.unmodifiableMap(both));
  }

  /**
   * Whether {@code version} is above the ceiling: every ordering of the ceiling parses it, and
   * in each it is after the highest version named. Then no entry of the ceiling affects it.
   * Never true for an unbounded ceiling.
   */
  public boolean isExceededBy(String version) {
    if (highest == null) {
      return false;
    }
    for (Map.Entry<VersionScheme, Version> bound : highest.entrySet()) {
      Optional<Version> parsed = bound.getKey().tryParse(version);
      if (parsed.isEmpty() || parsed.get().compareTo(bound.getValue()) <= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * This ceiling with the epoch ({@code N:}) taken off each bound, for a version compared with
   * that epoch put in front of it (distribution packages whose package URL states none: {@code
   * 1:1.54.3-2.el9} against {@code 1:x} is {@code 1.54.3-2.el9} against {@code x}). Unbounded if
   * a bound has no epoch or is no longer a version without it.
   */
  public AffectedCeiling withoutEpoch() {
    if (highest == null || highest.isEmpty()) {
      return this;
    }
    Map<VersionScheme, Version> stripped = new java.util.HashMap<>();
    for (Map.Entry<VersionScheme, Version> bound : highest.entrySet()) {
      String text = bound.getValue().text();
      int colon = text.indexOf(':');
      if (colon <= 0 || !Digits.isAllDigits(text.substring(0, colon))) {
        return UNBOUNDED;
      }
      Optional<Version> parsed = bound.getKey().tryParse(text.substring(colon + 1));
      if (parsed.isEmpty()) {
        return UNBOUNDED;
      }
      stripped.put(bound.getKey(), parsed.get());
    }
    return new AffectedCeiling(Collections.unmodifiableMap(stripped));
  }

  private static final String UNBOUNDED_TEXT = "unbounded";
  private static final String NONE_TEXT = "none";

  /**
   * The ceiling as one text a database column holds: {@code unbounded}, {@code none}, or one line
   * per ordering, {@code <ordering name> TAB <version>}, by ordering name. A version holding a
   * tab or a line break (no real one does) is written as unbounded: never wrong, only slower.
   */
  public String encode() {
    if (highest == null) {
      return UNBOUNDED_TEXT;
    }
    if (highest.isEmpty()) {
      return NONE_TEXT;
    }
    Map<String, String> byName = new TreeMap<>();
    for (Map.Entry<VersionScheme, Version> bound : highest.entrySet()) {
      String text = bound.getValue().text();
      if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
        return UNBOUNDED_TEXT;
      }
      byName.put(bound.getKey().name(), text);
    }
    StringBuilder out = new StringBuilder();
    byName.forEach((name, text) -> out.append(out.length() == 0 ? "" : "\n").append(name).append('\t').append(text));
    return out.toString();
  }

  /**
   * The ceiling {@link #encode} wrote. Anything else (an ordering this build does not know, a
   * version it no longer parses, a damaged text) reads as unbounded: the scan then reads the
   * entries, as it would without a ceiling.
   */
  public static AffectedCeiling decode(String text) {
    if (text == null || text.equals(UNBOUNDED_TEXT)) {
      return UNBOUNDED;
    }
    if (text.equals(NONE_TEXT)) {
      return NONE;
    }
    Map<VersionScheme, Version> highest = new java.util.HashMap<>();
    for (String line : text.split("\n", -1)) {
      int tab = line.indexOf('\t');
      Optional<VersionScheme> scheme = tab < 0 ? Optional.empty() : VersionSchemes.byName(line.substring(0, tab));
      Optional<Version> version = scheme.flatMap(s -> s.tryParse(line.substring(tab + 1)));
      if (version.isEmpty() || highest.put(scheme.get(), version.get()) != null) {
        return UNBOUNDED;
      }
    }
    return new AffectedCeiling(Collections.unmodifiableMap(highest));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AffectedCeiling c && encode().equals(c.encode());
  }

  @Override
  public int hashCode() {
    return Objects.hash(encode());
  }

  @Override
  public String toString() {
    return encode().replace('\t', ' ').replace('\n', ',');
  }
}
