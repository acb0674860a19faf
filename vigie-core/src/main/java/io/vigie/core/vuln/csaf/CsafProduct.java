package io.vigie.core.vuln.csaf;

import java.util.Objects;
import java.util.Optional;

/**
 * One product of a CSAF product tree, flattened: its {@code product_id} and full name, the branch
 * path that led to it ({@code vendor}, {@code product_name}, and {@code product_version} or
 * {@code product_version_range}, each empty when the path has no such branch) and its {@code
 * product_identification_helper} package URL and CPE. The version texts are kept as the publisher
 * wrote them; {@link CsafVersionCondition#parse} interprets them.
 */
public record CsafProduct(
    String productId,
    String fullName,
    Optional<String> vendor,
    Optional<String> productName,
    Optional<String> productVersion,
    Optional<String> productVersionRange,
    Optional<String> purl,
    Optional<String> cpe) {

  public CsafProduct {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(productName, "productName");
    Objects.requireNonNull(productVersion, "productVersion");
    Objects.requireNonNull(productVersionRange, "productVersionRange");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(cpe, "cpe");
  }

  /** {@code vendor / product_name / version}, the branch path as people read it. */
  public String branchPath() {
    StringBuilder out = new StringBuilder();
    vendor.ifPresent(out::append);
    productName.ifPresent(n -> out.append(out.length() > 0 ? " / " : "").append(n));
    productVersion.or(() -> productVersionRange)
        .ifPresent(v -> out.append(out.length() > 0 ? " / " : "").append(v));
    return out.toString();
  }
}
