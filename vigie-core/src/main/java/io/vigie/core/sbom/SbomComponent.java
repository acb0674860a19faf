package io.vigie.core.sbom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One component listed in an SBOM, reduced to what Vigie uses: identity (for vulnerability matching
 * and for carrying decisions across releases), provenance (the FDA's supplier element) and
 * licences. Format-neutral: CycloneDX and SPDX readers both produce it.
 *
 * <p>{@code ref} is the component's identifier inside its document (CycloneDX {@code bom-ref},
 * SPDX {@code SPDXID}); dependency edges use it. {@code purl}, when present, is a valid package URL
 * (checked here with packageurl-java, so every later consumer can rely on it); {@code type} is the
 * lower-case component type or SPDX primary purpose ({@code library}, {@code firmware}…).
 * {@code supplier} is the entity that supplies the component (CycloneDX supplier or manufacturer,
 * SPDX PackageSupplier); {@code author} is its author, publisher or SPDX originator, kept apart
 * because the FDA asks for the supplier. Immutable; no nulls.
 */
public record SbomComponent(
    String ref,
    Optional<String> type,
    Optional<String> group,
    String name,
    Optional<String> version,
    Optional<String> purl,
    Optional<String> cpe,
    List<Hash> hashes,
    List<String> licenses,
    Optional<String> supplier,
    Optional<String> author,
    Optional<String> scope) {

  public SbomComponent {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(cpe, "cpe");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(scope, "scope");
    hashes = List.copyOf(hashes);
    licenses = List.copyOf(licenses);
    purl.flatMap(SbomComponent::purlProblem).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /**
   * Why {@code purl} is not a valid package URL, or empty when it is. Readers call this first to
   * report a located problem instead of letting the constructor throw.
   */
  public static Optional<String> purlProblem(String purl) {
    return PackageUrls.problem(purl);
  }

  /** {@code name@version}, or the name alone: how people and the support file name a component. */
  public String nameAndVersion() {
    return version.filter(v -> !v.isBlank()).map(v -> name + "@" + v).orElse(name);
  }
}
