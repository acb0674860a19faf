package io.vigie.core.vuln;

import java.time.LocalDate;
import java.util.Objects;

/**
 * FIRST's Exploit Prediction Scoring System score of one CVE on one day: the probability (0 to 1)
 * that it is exploited in the next 30 days, and its percentile among all scored CVEs (0 to 1).
 */
public record EpssScore(String cveId, double probability, double percentile, LocalDate scoreDate) {

  public EpssScore {
    Objects.requireNonNull(cveId, "cveId");
    if (!cveId.startsWith("CVE-")) {
      throw new IllegalArgumentException("an EPSS score names a CVE, not '" + cveId + "'");
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("an EPSS probability is between 0 and 1, not " + probability);
    }
    if (!(percentile >= 0 && percentile <= 1)) {
      throw new IllegalArgumentException("an EPSS percentile is between 0 and 1, not " + percentile);
    }
    Objects.requireNonNull(scoreDate, "scoreDate");
  }
}
