package io.vigie.core.vex;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a VEX decision holds. {@link Kind#RELEASE}: one release of one product; {@link
 * Kind#PRODUCT_LINE}: every release of the product, past and future; {@link Kind#PORTFOLIO}: every
 * product of the maker. {@code product} and {@code release} also say where a wider decision was
 * taken (a product-line decision made while triaging release 1.3.0), which is what a carried
 * decision reports.
 */
public record VexScope(Kind kind, Optional<String> product, Optional<String> release) {

  /** How wide a decision holds, narrowest first: a narrower decision beats a wider one. */
  public enum Kind { RELEASE, PRODUCT_LINE, PORTFOLIO }

  public VexScope {
    Objects.requireNonNull(kind, "kind");
    product = product.filter(p -> !p.isBlank());
    release = release.filter(r -> !r.isBlank());
    if (kind != Kind.PORTFOLIO && product.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
          + " scope names its product");
    }
    if (kind == Kind.RELEASE && release.isEmpty()) {
      throw new IllegalArgumentException("a release scope names its release");
    }
  }

  public static VexScope release(String product, String release) {
    return new VexScope(Kind.RELEASE, Optional.of(product), Optional.of(release));
  }

  /** A product-line scope; {@code decidedOn} is the release being triaged when it was decided, if any. */
  public static VexScope productLine(String product, Optional<String> decidedOn) {
    return new VexScope(Kind.PRODUCT_LINE, Optional.of(product), decidedOn);
  }

  public static VexScope portfolio(Optional<String> product, Optional<String> decidedOn) {
    return new VexScope(Kind.PORTFOLIO, product, decidedOn);
  }

  /** True when a decision of this scope holds for {@code product} at {@code release}. */
  public boolean covers(String product, String release) {
    return switch (kind) {
      case RELEASE -> this.product.get().equals(product) && this.release.get().equals(release);
      case PRODUCT_LINE -> this.product.get().equals(product);
      case PORTFOLIO -> true;
    };
  }

  /** {@code release ABC 4.2}, {@code product line ABC, decided on 4.2}, {@code portfolio}. */
  public String describe() {
    return switch (kind) {
      case RELEASE -> "release " + product.get() + " " + release.get();
      case PRODUCT_LINE -> "product line " + product.get() + release.map(r -> ", decided on " + r).orElse("");
      case PORTFOLIO -> "portfolio" + product.map(p -> ", decided on " + p + release.map(r -> " " + r).orElse(""))
          .orElse("");
    };
  }
}
