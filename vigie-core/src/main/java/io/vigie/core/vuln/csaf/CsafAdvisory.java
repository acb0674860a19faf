package io.vigie.core.vuln.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CSAF 2.0 security advisory reduced to what Vigie matches and reports: the document's
 * tracking ID and version, title, publisher, current release date, its product tree flattened to
 * one {@link CsafProduct} per {@code product_id}, and its vulnerabilities with product groups
 * already resolved to product IDs. Immutable; no nulls.
 *
 * <p>{@code source} names the file or folder it was imported from and {@code sourceRecord} the
 * file inside it, so every match can say where it came from.
 */
public record CsafAdvisory(
    String trackingId,
    String version,
    String title,
    String publisher,
    Instant currentReleaseDate,
    List<CsafProduct> products,
    List<CsafVulnerability> vulnerabilities,
    String source,
    String sourceRecord) {

  public CsafAdvisory {
    Objects.requireNonNull(trackingId, "trackingId");
    if (trackingId.isBlank()) {
      throw new IllegalArgumentException("a CSAF advisory has a tracking id");
    }
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(currentReleaseDate, "currentReleaseDate");
    products = List.copyOf(products);
    vulnerabilities = List.copyOf(vulnerabilities);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceRecord, "sourceRecord");
  }

  /** The product with this {@code product_id}. */
  public Optional<CsafProduct> product(String productId) {
    return products.stream().filter(p -> p.productId().equals(productId)).findFirst();
  }
}
