package io.vigie.core.vuln.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Optional;

/**
 * A package URL translated into the OSV ecosystem and package name that advisories use, and the
 * version to evaluate. Only the types whose OSV naming is unambiguous are translated; the rest are
 * refused with a reason, so a component is reported as "not checked" rather than silently clean.
 * Distribution packages ({@code deb}, {@code rpm}, {@code apk}) are translated to their release's
 * ecosystem ({@code Debian:12}, {@code AlmaLinux:9}, {@code Alpine:v3.18}) by {@link DistroPackage}
 * and carry a {@link Distro} saying how.
 */
public record OsvPackage(String ecosystem, String name, String version, Optional<Distro> distro) {

  /**
   * How a distribution package was read: {@code basis} names where the release and package name
   * came from (the match rule quotes it); {@code epochGiven} is false when neither the version nor
   * an {@code epoch} qualifier gives one, in which case each advisory's own epoch is assumed.
   */
  public record Distro(String basis, boolean epochGiven) {}

  public OsvPackage(String ecosystem, String name, String version) {
    this(ecosystem, name, version, Optional.empty());
  }

  /**
   * Whether an advisory's {@code affected[].package.ecosystem} is this package's: the same, or
   * a scope of it ({@code Maven:https://maven.google.com}, {@code Red Hat:enterprise_linux:9::appstream}).
   * {@code AlmaLinux:8} is not {@code AlmaLinux:9}, nor {@code Alpine:v3.18} {@code Alpine:v3.1}.
   */
  public boolean covers(String affectedEcosystem) {
    return covers(ecosystem, affectedEcosystem);
  }

  /** Whether {@code affectedEcosystem} is {@code ecosystem} or a scope of it, as {@link #covers(String)} says. */
  public static boolean covers(String ecosystem, String affectedEcosystem) {
    // Without concatenating ecosystem + ":": asked for every entry of every advisory of a scan.
    return affectedEcosystem.equals(ecosystem) || affectedEcosystem.length() > ecosystem.length()
        && affectedEcosystem.startsWith(ecosystem) && affectedEcosystem.charAt(ecosystem.length()) == ':';
  }

  public boolean isDistroPackage() {
    return distro.isPresent();
  }

  /** The translation, or the reason there is none. */
  public sealed interface Result permits Translated, Refused {}

  public record Translated(OsvPackage value) implements Result {}

  public record Refused(String reason) implements Result {}

  /** Compiled once: {@code String.replaceAll} compiles its pattern at every call (per PyPI component). */
  private static final java.util.regex.Pattern PEP_503_SEPARATORS = java.util.regex.Pattern.compile("[-_.]+");

  public static Result of(String purl) {
    return of(purl, Optional.empty());
  }

  /** {@code version}: the SBOM component's own version, used when the package URL has none. */
  public static Result of(String purl, Optional<String> componentVersion) {
    PackageURL p;
    try {
      p = io.vigie.core.sbom.PackageUrls.parse(purl);
    } catch (MalformedPackageURLException e) {
      return new Refused("invalid package URL: " + e.getMessage());
    }
    String version = p.getVersion() != null && !p.getVersion().isBlank() ? p.getVersion() : componentVersion.orElse("");
    if (version.isBlank()) {
      return new Refused("neither the package URL nor the component has a version");
    }
    String ns = p.getNamespace();
    String name = p.getName();
    switch (p.getType()) {
      case "maven":
        return ns == null ? new Refused("a Maven package URL needs a group (namespace)")
            : ok("Maven", ns + ":" + name, version);
      case "npm":
        return ok("npm", ns == null ? name : ns + "/" + name, version);
      case "pypi":
        // PEP 503 normalisation, as OSV's PyPI records use it.
        return ok("PyPI", PEP_503_SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-"), version);
      case "golang":
        return ok("Go", goModulePath(purl).orElse(ns == null ? name : ns + "/" + name),
            version.startsWith("v") ? version.substring(1) : version);
      case "cargo":
        return ok("crates.io", name, version);
      case "nuget":
        return ok("NuGet", name, version);
      case "gem":
        return ok("RubyGems", name, version);
      case "deb", "rpm", "apk":
        return DistroPackage.translate(p, version);
      default:
        return new Refused("package type '" + p.getType() + "' is not matched by package URL yet");
    }
  }

  /**
   * The Go module path as the package URL writes it. packageurl-java lower-cases golang namespaces
   * and names, but module paths are case-sensitive and OSV records keep their case
   * ({@code github.com/0xJacky/Nginx-UI}): lower-cased, they match nothing. Hand-parsed because the
   * library offers no unnormalised accessor.
   */
  private static Optional<String> goModulePath(String purl) {
    String rest = purl.substring(purl.indexOf(':') + 1).replaceFirst("^/+", "");
    if (!rest.regionMatches(true, 0, "golang/", 0, "golang/".length())) {
      return Optional.empty();
    }
    rest = rest.substring("golang/".length());
    int end = rest.length();
    for (char stop : new char[] {'#', '?', '@'}) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String path = rest.substring(0, end).replaceAll("/+$", "");
    try {
      return Optional.of(java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Result ok(String ecosystem, String name, String version) {
    return new Translated(new OsvPackage(ecosystem, name, version));
  }

  public static Optional<OsvPackage> translate(String purl) {
    return of(purl) instanceof Translated t ? Optional.of(t.value()) : Optional.empty();
  }
}
