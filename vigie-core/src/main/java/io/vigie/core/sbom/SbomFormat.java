package io.vigie.core.sbom;

/** The SBOM standards Vigie reads; the two the FDA names as acceptable machine-readable formats. */
public enum SbomFormat {
  CYCLONEDX,
  SPDX
}
