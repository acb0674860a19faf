package io.vigie.formats.vuln;

import io.vigie.core.vuln.csaf.CsafAdvisory;
import java.util.Objects;

/** A CSAF advisory as read, with its JSON text (compact) so the database can keep the original. */
public record CsafRecord(CsafAdvisory advisory, String json) {
  public CsafRecord {
    Objects.requireNonNull(advisory, "advisory");
    Objects.requireNonNull(json, "json");
  }
}
