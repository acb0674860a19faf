package io.vigie.formats.vex;

/** The three VEX document formats Vigie reads and writes. */
public enum VexFormat {
  /** CycloneDX 1.4–1.6 JSON with {@code vulnerabilities[].analysis}. */
  CYCLONEDX,
  /** OpenVEX 0.2.0 JSON-LD. */
  OPENVEX,
  /** CSAF 2.0 with {@code document.category} {@code csaf_vex}. */
  CSAF
}
