package io.vigie.core.vuln.version;

import io.vigie.core.validation.InvalidInputException;
import java.util.Optional;

/**
 * The version ordering of one package ecosystem: Maven, npm, PyPI, Go, crates.io, NuGet,
 * RubyGems, Debian (dpkg), RPM and Alpine (apk), plus plain SemVer 2.0 for OSV {@code SEMVER}
 * ranges. One implementation per ecosystem, each in its own file; {@link VersionSchemes} maps OSV
 * ecosystem names and package-url types to them.
 *
 * <p>Implementations are stateless and thread-safe. {@link #parse} is the only place a version
 * string is interpreted; callers that compare a version many times should parse it once and keep
 * the {@link Version}.
 */
public sealed interface VersionScheme
    permits AlpineScheme,
        CargoScheme,
        DebianScheme,
        GoScheme,
        MavenScheme,
        NpmScheme,
        NuGetScheme,
        PypiScheme,
        RpmScheme,
        RubyGemsScheme,
        SemVerScheme {

  /** A short stable name, such as {@code Maven} or {@code Debian}, used in messages. */
  String name();

  /**
   * Parses {@code text} under this scheme's rules.
   *
   * @throws InvalidInputException with one problem on field {@code version} saying what is wrong,
   *     when the text is not a version of this ecosystem
   */
  Version parse(String text);

  /** {@link #parse} that says "no" instead of throwing. */
  default Optional<Version> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  default boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * Negative, zero or positive as {@code a} is before, equivalent to or after {@code b}. Parses
   * both each time: prefer {@link #parse} once and {@link Version#compareTo} in loops.
   *
   * @throws InvalidInputException if either is not a valid version of this scheme
   */
  default int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }
}
