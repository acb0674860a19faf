package io.vigie.core.vuln.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the publisher tells users to do: a {@code category} as CSAF names it ({@code vendor_fix},
 * {@code mitigation}, {@code workaround}, {@code none_available}, {@code no_fix_planned}), the
 * details, an optional URL and the products it is for (groups already resolved to products).
 */
public record CsafRemediation(String category, String details, Optional<String> url, List<String> productIds) {

  public CsafRemediation {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(url, "url");
    productIds = List.copyOf(productIds);
  }

  /** {@code vendor fix: Update to 8.2.2 (https://…)}, whitespace collapsed, for one report line. */
  public String describe() {
    return category.replace('_', ' ') + ": " + details.strip().replaceAll("\\s+", " ")
        + url.map(u -> " (" + u + ")").orElse("");
  }
}
