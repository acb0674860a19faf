package io.vigie.core.sbom;

import java.util.Objects;

/**
 * One cryptographic digest of a component, as the SBOM states it ({@code SHA-256}, {@code SHA1}…:
 * the algorithm name is kept as written, since CycloneDX and SPDX spell them differently).
 */
public record Hash(String algorithm, String value) {
  public Hash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
  }
}
