package io.vigie.core.sbom;

/**
 * The per-component SBOM elements the FDA expects in a premarket submission: the NTIA minimum
 * elements (2021) plus the FDA's additions in "Cybersecurity in Medical Devices" (2023), section
 * V.A.4(b): level of support, end-of-support date and known vulnerabilities. The last three are not
 * in SBOM formats in practice, so they come from a side file and from vulnerability matching.
 */
public enum FdaElement {
  /** NTIA "supplier name"; FDA (D) manufacturer/supplier. */
  SUPPLIER("supplier", "NTIA minimum element; FDA V.A.4(b) manufacturer/supplier"),
  /** NTIA "component name"; FDA (B). */
  NAME("name", "NTIA minimum element; FDA V.A.4(b) component name"),
  /** NTIA "version of the component"; FDA (C). */
  VERSION("version", "NTIA minimum element; FDA V.A.4(b) version"),
  /** NTIA "other unique identifiers": a package URL or a CPE, what vulnerability matching needs. */
  UNIQUE_IDENTIFIER("unique identifier (purl or CPE)", "NTIA minimum element"),
  /** NTIA "dependency relationship": the component appears in the dependency graph. */
  DEPENDENCY_RELATIONSHIP("dependency relationship", "NTIA minimum element"),
  /** NTIA "author of SBOM data": a document-level fact, the same for every component. */
  SBOM_AUTHOR("author of SBOM data", "NTIA minimum element"),
  /** NTIA "timestamp": a document-level fact, the same for every component. */
  TIMESTAMP("timestamp", "NTIA minimum element"),
  /** FDA (E): whether the component's maker still monitors and maintains it. */
  LEVEL_OF_SUPPORT("level of support", "FDA V.A.4(b), from the support side file"),
  /** FDA (F). */
  END_OF_SUPPORT("end-of-support date", "FDA V.A.4(b), from the support side file"),
  /** FDA (G): the component has been checked against vulnerability sources. */
  KNOWN_VULNERABILITIES("known vulnerabilities", "FDA V.A.4(b), from vulnerability matching");

  private final String label;
  private final String basis;

  FdaElement(String label, String basis) {
    this.label = label;
    this.basis = basis;
  }

  /** The element's name in words, for reports. */
  public String label() {
    return label;
  }

  /** Where the requirement comes from, for reports. */
  public String basis() {
    return basis;
  }
}
