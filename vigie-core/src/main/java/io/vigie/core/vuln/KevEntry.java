package io.vigie.core.vuln;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog: the CVE is exploited in the wild,
 * which makes it a priority whatever its CVSS score. {@code knownRansomware} is true only when
 * CISA says "Known" (its other value is "Unknown", not "no"). {@code notes} may be empty.
 */
public record KevEntry(
    String cveId,
    String vendor,
    String product,
    LocalDate dateAdded,
    LocalDate dueDate,
    boolean knownRansomware,
    String notes) {

  public KevEntry {
    Objects.requireNonNull(cveId, "cveId");
    if (!cveId.startsWith("CVE-")) {
      throw new IllegalArgumentException("a KEV entry names a CVE, not '" + cveId + "'");
    }
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(dateAdded, "dateAdded");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(notes, "notes");
  }
}
