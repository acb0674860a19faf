package io.vigie.core.vuln.cpe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CVE as the NVD CVE API 2.0 describes it, reduced to what matching and reports use: ID, dates,
 * NVD's analysis status, the English description, CVSS vectors (v4.0, v3.1, v3.0; NVD's own first),
 * CWE IDs and the CPE applicability configurations. {@code source} names the feed file it came
 * from, {@code sourceRecord} its place in it. Immutable; no nulls.
 */
public record NvdCve(
    String id,
    Optional<Instant> published,
    Instant lastModified,
    String vulnStatus,
    String description,
    List<String> cvssVectors,
    List<String> weaknesses,
    List<CpeConfiguration> configurations,
    String source,
    String sourceRecord) {

  public NvdCve {
    Objects.requireNonNull(id, "id");
    if (!id.startsWith("CVE-")) {
      throw new IllegalArgumentException("an NVD record's id is a CVE ID, not '" + id + "'");
    }
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(vulnStatus, "vulnStatus");
    Objects.requireNonNull(description, "description");
    cvssVectors = List.copyOf(cvssVectors);
    weaknesses = List.copyOf(weaknesses);
    configurations = List.copyOf(configurations);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceRecord, "sourceRecord");
  }

  /** NVD marks withdrawn CVEs "Rejected": they must not produce matches. */
  public boolean isRejected() {
    return vulnStatus.equalsIgnoreCase("Rejected");
  }
}
