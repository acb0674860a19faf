package io.vigie.formats.vex;

import java.time.Instant;
import java.util.Objects;

/** What a written VEX document says about itself: the product and release it covers, its author and time. */
public record VexExport(String product, String release, String author, Instant timestamp) {
  public VexExport {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
