package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two cheap questions every scan asks before matching: anything to match against, and how old. */
class FreshnessTest {

  @Test
  void kevAloneIsNoAdvisoryDataButDatesTheDatabaseAndCsafIs(@TempDir Path dir) {
    Instant t = Instant.parse("2026-11-01T10:00:00Z");
    Path data = SharedData.folder();
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir, Clock.fixed(t, ZoneOffset.UTC))) {
      assertThat(db.hasAdvisories()).isFalse();
      assertThat(db.lastUpdated()).isEmpty();

      db.importKev(data.resolve("cisa-kev/known_exploited_vulnerabilities.json"));
      assertThat(db.hasAdvisories()).isFalse();
      assertThat(db.lastUpdated()).contains(t);

      db.importCsaf(data.resolve("cisa-csaf/icsma/icsma-17-009-01a.json"));
      assertThat(db.hasAdvisories()).isTrue();
      assertThat(db.hasPackageAdvisories()).isTrue();
    }
  }

  @Test
  void nvdRecordsAloneAreAdvisoriesForCpeMatchingButNothingToMatchPackagesAgainst(@TempDir Path dir) {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir, Clock.systemUTC())) {
      db.importNvd(ImportListener.silent(), NvdImportTest.fixture("medical-device-real.json"));
      assertThat(db.hasAdvisories()).isTrue();
      assertThat(db.hasNvdData()).isTrue();
      assertThat(db.hasPackageAdvisories()).as("analyze does not match by CPE").isFalse();

      db.importOsv(SharedData.folder().resolve("osv/GHSA-sample"));
      assertThat(db.hasPackageAdvisories()).isTrue();
    }
  }
}
