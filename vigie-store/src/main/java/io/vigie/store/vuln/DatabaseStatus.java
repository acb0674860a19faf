package io.vigie.store.vuln;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the vulnerability database holds: advisories per source (the feed file or folder they came
 * from), affected-package entries per ecosystem, withdrawn advisories, KEV entries, EPSS scores,
 * CSAF documents and their vulnerabilities, and the latest committed import of each feed file or folder (newest first), so that a stale database can be
 * warned about.
 */
public record DatabaseStatus(
    long advisories,
    long withdrawn,
    Map<String, Long> advisoriesBySource,
    Map<String, Long> affectedPackagesByEcosystem,
    long kevEntries,
    long epssScores,
    List<ImportRecord> latestImports,
    long csafDocuments,
    long csafVulnerabilities) {

  /** Without CSAF counts (none loaded). */
  public DatabaseStatus(long advisories, long withdrawn, Map<String, Long> advisoriesBySource,
      Map<String, Long> affectedPackagesByEcosystem, long kevEntries, long epssScores, List<ImportRecord> latestImports) {
    this(advisories, withdrawn, advisoriesBySource, affectedPackagesByEcosystem, kevEntries, epssScores, latestImports, 0, 0);
  }

  public DatabaseStatus {
    advisoriesBySource = Map.copyOf(advisoriesBySource);
    affectedPackagesByEcosystem = Map.copyOf(affectedPackagesByEcosystem);
    latestImports = List.copyOf(latestImports);
  }

  /** The most recent import of any feed. */
  public Optional<ImportRecord> lastImport() {
    return latestImports.stream().findFirst();
  }
}
