package io.vigie.core.vuln.version;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the version scheme of an OSV ecosystem or a package-url type. An ecosystem Vigie cannot
 * order gives {@code Optional.empty()}, so that the caller refuses with a message instead of
 * guessing an order (a wrong order silently turns "affected" into "not affected").
 */
public final class VersionSchemes {

  public static final SemVerScheme SEMVER = new SemVerScheme();
  public static final MavenScheme MAVEN = new MavenScheme();
  public static final NpmScheme NPM = new NpmScheme();
  public static final PypiScheme PYPI = new PypiScheme();
  public static final GoScheme GO = new GoScheme();
  public static final CargoScheme CARGO = new CargoScheme();
  public static final NuGetScheme NUGET = new NuGetScheme();
  public static final RubyGemsScheme RUBYGEMS = new RubyGemsScheme();
  public static final DebianScheme DEBIAN = new DebianScheme();
  public static final RpmScheme RPM = new RpmScheme();
  public static final AlpineScheme ALPINE = new AlpineScheme();

  /**
   * OSV ecosystem names (https://ossf.github.io/osv-schema/, ecosystems.json), before any {@code
   * :suffix}. RPM distributions are those whose OSV description names RPM ordering, plus
   * AlmaLinux, Rocky Linux and Mageia, which ship RPMs; Ubuntu uses dpkg ordering.
   */
  private static final Map<String, VersionScheme> BY_ECOSYSTEM =
      Map.ofEntries(
          Map.entry("Maven", MAVEN),
          Map.entry("npm", NPM),
          Map.entry("PyPI", PYPI),
          Map.entry("Go", GO),
          Map.entry("crates.io", CARGO),
          Map.entry("NuGet", NUGET),
          Map.entry("RubyGems", RUBYGEMS),
          Map.entry("Debian", DEBIAN),
          Map.entry("Ubuntu", DEBIAN),
          Map.entry("AlmaLinux", RPM),
          Map.entry("Rocky Linux", RPM),
          Map.entry("Red Hat", RPM),
          Map.entry("SUSE", RPM),
          Map.entry("openSUSE", RPM),
          Map.entry("openEuler", RPM),
          Map.entry("Photon OS", RPM),
          Map.entry("Mageia", RPM),
          Map.entry("Alpine", ALPINE));

  /** package-url types (purl-spec PURL-TYPES), lower case. */
  private static final Map<String, VersionScheme> BY_PURL_TYPE =
      Map.ofEntries(
          Map.entry("maven", MAVEN),
          Map.entry("npm", NPM),
          Map.entry("pypi", PYPI),
          Map.entry("golang", GO),
          Map.entry("cargo", CARGO),
          Map.entry("nuget", NUGET),
          Map.entry("gem", RUBYGEMS),
          Map.entry("deb", DEBIAN),
          Map.entry("rpm", RPM),
          Map.entry("apk", ALPINE));

  /** Every scheme by its {@link VersionScheme#name()}. */
  private static final Map<String, VersionScheme> BY_NAME = java.util.stream.Stream.of(
          SEMVER, MAVEN, NPM, PYPI, GO, CARGO, NUGET, RUBYGEMS, DEBIAN, RPM, ALPINE)
      .collect(java.util.stream.Collectors.toUnmodifiableMap(VersionScheme::name, s -> s));

  private VersionSchemes() {}

  /** The scheme whose {@link VersionScheme#name()} is {@code name}, exactly; empty for any other. */
  public static Optional<VersionScheme> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The scheme of an OSV ecosystem such as {@code Maven}, {@code Debian:12}, {@code AlmaLinux:9},
   * {@code Alpine:v3.20} or {@code Maven:https://maven.google.com} (the part after the first
   * {@code :} only scopes the release or repository), or of a package-url type such as {@code
   * golang} or {@code deb}. Exact case for OSV names, as the schema defines them; purl types are
   * case-insensitive. Empty for anything else.
   */
  public static Optional<VersionScheme> forEcosystem(String ecosystem) {
    String base = ecosystem;
    int colon = ecosystem.indexOf(':');
    if (colon >= 0) {
      base = ecosystem.substring(0, colon);
    }
    VersionScheme scheme = BY_ECOSYSTEM.get(base);
    if (scheme != null) {
      return Optional.of(scheme);
    }
    return colon >= 0
        ? Optional.empty()
        : Optional.ofNullable(BY_PURL_TYPE.get(ecosystem.toLowerCase(Locale.ROOT)));
  }
}
