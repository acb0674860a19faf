package io.vigie.core.sbom;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SBOM document as Vigie keeps it, whichever format it came in: what it describes, the
 * components it lists and their dependency edges, and the document facts the FDA asks for (author of
 * the SBOM data, timestamp). The regulator requires one per released version, so {@code source}
 * (file name or URL) is kept to trace every finding back to the document it came from.
 *
 * <p>{@code serialNumber} is the CycloneDX serial number or the SPDX document namespace;
 * {@code describes} is the CycloneDX metadata component or the package an SPDX document DESCRIBES;
 * {@code authors} lists the people, organisations and tools that created the SBOM data, in the SPDX
 * {@code Person: / Organization: / Tool:} style for both formats. {@code components} does not
 * include {@code describes}. {@code warnings}: what is wrong with the document but was read anyway,
 * because it changes nothing Vigie reads from it (a malformed URL, e-mail address or date), for the
 * commands to show. Immutable; no nulls.
 */
public record Sbom(
    SbomFormat format,
    String specVersion,
    Optional<String> serialNumber,
    Optional<SbomComponent> describes,
    List<SbomComponent> components,
    List<Dependency> dependencies,
    List<String> authors,
    Optional<Instant> timestamp,
    String source,
    List<io.vigie.core.validation.Problem> warnings) {

  /** A document read without anything to warn about. */
  public Sbom(SbomFormat format, String specVersion, Optional<String> serialNumber, Optional<SbomComponent> describes,
      List<SbomComponent> components, List<Dependency> dependencies, List<String> authors, Optional<Instant> timestamp,
      String source) {
    this(format, specVersion, serialNumber, describes, components, dependencies, authors, timestamp, source, List.of());
  }

  public Sbom {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(describes, "describes");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(source, "source");
    components = List.copyOf(components);
    dependencies = List.copyOf(dependencies);
    authors = List.copyOf(authors);
    warnings = List.copyOf(warnings);
  }

  /** This document with these warnings. */
  public Sbom withWarnings(List<io.vigie.core.validation.Problem> found) {
    return new Sbom(format, specVersion, serialNumber, describes, components, dependencies, authors, timestamp, source,
        found);
  }
}
