package io.vigie.formats.vuln;

import io.vigie.core.vuln.cpe.NvdCve;
import java.util.Objects;

/**
 * A valid NVD record as read: the CVE, and its {@code cve} object's JSON (compact) for stores that
 * keep the original beside the fields they query.
 */
public record NvdRecord(NvdCve cve, String json) {
  public NvdRecord {
    Objects.requireNonNull(cve, "cve");
    Objects.requireNonNull(json, "json");
  }
}
