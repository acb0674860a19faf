package io.vigie.formats.vuln;

import io.vigie.core.vuln.KevEntry;
import java.util.List;
import java.util.Objects;

/** A CISA KEV catalog as published: its version, release timestamp and entries. */
public record KevCatalog(String catalogVersion, String dateReleased, List<KevEntry> entries) {

  public KevCatalog {
    Objects.requireNonNull(catalogVersion, "catalogVersion");
    Objects.requireNonNull(dateReleased, "dateReleased");
    entries = List.copyOf(entries);
  }
}
