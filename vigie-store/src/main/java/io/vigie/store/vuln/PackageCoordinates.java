package io.vigie.store.vuln;

import java.util.Locale;
import java.util.Optional;

/**
 * The package-url type, namespace and name of an OSV package, for the ecosystems whose purl
 * mapping is fixed by the purl spec; empty for the others (distributions, OSS-Fuzz), which are
 * looked up by ecosystem and name instead.
 */
record PackageCoordinates(String type, String namespace, String name) {

  static Optional<PackageCoordinates> of(String ecosystem, String packageName) {
    String base = ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
    return switch (base) {
      case "Maven" -> split("maven", packageName, ':');
      case "npm" -> packageName.startsWith("@")
          ? split("npm", packageName, '/')
          : Optional.of(new PackageCoordinates("npm", "", packageName));
      case "Go" -> split("golang", packageName, '/');
      // PEP 503 normalisation, as the purl spec asks for pypi names.
      case "PyPI" -> Optional.of(new PackageCoordinates(
          "pypi", "", packageName.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-")));
      case "crates.io" -> Optional.of(new PackageCoordinates("cargo", "", packageName));
      case "NuGet" -> Optional.of(new PackageCoordinates("nuget", "", packageName));
      case "RubyGems" -> Optional.of(new PackageCoordinates("gem", "", packageName));
      default -> Optional.empty();
    };
  }

  private static Optional<PackageCoordinates> split(String type, String name, char separator) {
    int at = name.lastIndexOf(separator);
    return Optional.of(
        at < 0
            ? new PackageCoordinates(type, "", name)
            : new PackageCoordinates(type, name.substring(0, at), name.substring(at + 1)));
  }
}
