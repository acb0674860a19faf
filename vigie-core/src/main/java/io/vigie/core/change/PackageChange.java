package io.vigie.core.change;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A third-party package that differs between the SBOMs of the two revisions.
 *
 * @param sbom the SBOM file, as the model's components name it in {@code sbom:}
 * @param kind ADDED, REMOVED, UPGRADED, DOWNGRADED or LICENCE_CHANGED
 * @param vulnerabilitiesAppeared vulnerability IDs that match the new version and not the old
 * @param knownExploited those of them in the known-exploited catalogue
 */
public record PackageChange(
    String sbom,
    String name,
    Optional<String> purl,
    Kind kind,
    Optional<String> versionBefore,
    Optional<String> versionAfter,
    List<String> licencesBefore,
    List<String> licencesAfter,
    List<String> vulnerabilitiesAppeared,
    List<String> vulnerabilitiesDisappeared,
    List<String> knownExploited) {

  public enum Kind { ADDED, REMOVED, UPGRADED, DOWNGRADED, CHANGED, LICENCE_CHANGED }

  public PackageChange {
    Objects.requireNonNull(sbom, "sbom");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(versionBefore, "versionBefore");
    Objects.requireNonNull(versionAfter, "versionAfter");
    licencesBefore = List.copyOf(licencesBefore);
    licencesAfter = List.copyOf(licencesAfter);
    vulnerabilitiesAppeared = List.copyOf(vulnerabilitiesAppeared);
    vulnerabilitiesDisappeared = List.copyOf(vulnerabilitiesDisappeared);
    knownExploited = List.copyOf(knownExploited);
  }

  /** "openssl 3.0.7 → 3.0.13 (upgraded)", for verdict sentences. */
  public String describe() {
    String from = versionBefore.orElse("");
    String to = versionAfter.orElse("");
    switch (kind) {
      case ADDED: return name + " " + to + " added";
      case REMOVED: return name + " " + from + " removed";
      case LICENCE_CHANGED: return name + " " + to + " licence " + licencesBefore + " -> " + licencesAfter;
      default: return name + " " + from + " -> " + to + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
  }
}
