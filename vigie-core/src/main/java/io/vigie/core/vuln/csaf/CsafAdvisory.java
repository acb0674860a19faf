package io.vigie.core.vuln.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CSAF 2.0 security advisory reduced to what Vigie matches and reports: the document's
 * tracking ID and version, title, publisher (name and namespace), current release date, its product tree flattened to
 * one {@link CsafProduct} per {@code product_id}, and its vulnerabilities with product groups
 * already resolved to product IDs. Immutable; no nulls.
 *
 * <p>{@code source} names the file or folder it was imported from and {@code sourceRecord} the
 * file inside it, so every match can say where it came from.
 *
 * <p>A document is identified by its publisher's namespace and its tracking ID together ({@link
 * #identity()}): CSAF 2.0 makes the tracking ID unique only within a publisher
 * ({@code /document/publisher/namespace}, {@code /document/tracking/id}), so two publishers may
 * use the same one.
 */
public record CsafAdvisory(
    String trackingId,
    String version,
    String title,
    String publisher,
    String publisherNamespace,
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
    Objects.requireNonNull(publisherNamespace, "publisherNamespace");
    Objects.requireNonNull(currentReleaseDate, "currentReleaseDate");
    products = List.copyOf(products);
    vulnerabilities = List.copyOf(vulnerabilities);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceRecord, "sourceRecord");
  }

  /** What identifies the document: publisher namespace and tracking ID. */
  public Identity identity() {
    return new Identity(publisherNamespace, trackingId);
  }

  /**
   * A CSAF document's identity, {@code https://www.cisa.gov/ ICSMA-17-009-01A}; ordered by tracking
   * ID, then namespace (code points), so lists of documents come in the order people look them up.
   */
  public record Identity(String publisherNamespace, String trackingId) implements Comparable<Identity> {
    public Identity {
      Objects.requireNonNull(publisherNamespace, "publisherNamespace");
      Objects.requireNonNull(trackingId, "trackingId");
    }

    @Override
    public int compareTo(Identity o) {
      int c = trackingId.compareTo(o.trackingId);
      return c != 0 ? c : publisherNamespace.compareTo(o.publisherNamespace);
    }

    @Override
    public String toString() {
      return trackingId + " (publisher " + publisherNamespace + ")";
    }
  }

  /** The product with this {@code product_id}. */
  public Optional<CsafProduct> product(String productId) {
    return products.stream().filter(p -> p.productId().equals(productId)).findFirst();
  }
}
