package io.vigie.formats.vuln;

import io.vigie.core.vuln.Advisory;
import java.util.Objects;

/**
 * A valid OSV record as read: the advisory, and the record's JSON (compact, as parsed) for stores
 * that keep the original beside the fields they query.
 */
public record OsvRecord(Advisory advisory, String json) {

  public OsvRecord {
    Objects.requireNonNull(advisory, "advisory");
    Objects.requireNonNull(json, "json");
  }
}
