package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafMatcher;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSAF advisories in the database: the real ICSMA and ICSA documents, idempotence, atomicity. */
class CsafImportTest {
  @TempDir static Path dataDir;
  static VulnerabilityDatabase db;
  static ImportResult imported;

  static Path icsma() {
    return SharedData.folder().resolve("cisa-csaf/icsma");
  }

  static Path icsa() {
    return SharedData.folder().resolve("cisa-csaf/icsa-sample");
  }

  @BeforeAll
  static void importAllIcsmaAndTheIcsaSample() {
    db = VulnerabilityDatabase.open(dataDir.resolve("csaf"));
    imported = db.importCsaf(icsma(), icsa());
  }

  @Test
  void every144IcsmaAnd31IcsaDocumentIsImportedNoneRefused() {
    assertThat(imported.warnings()).isEmpty();
    assertThat(imported.imports()).extracting(ImportRecord::source, ImportRecord::records, ImportRecord::skipped)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("csaf", 144, 0), org.assertj.core.groups.Tuple.tuple("csaf", 31, 0));
    DatabaseStatus s = db.status();
    assertThat(s.csafDocuments()).isEqualTo(175);
    assertThat(s.csafVulnerabilities()).isEqualTo(433 + 77);
    assertThat(s.latestImports()).extracting(ImportRecord::source).contains("csaf");
  }

  @Test
  void findsTheCandidateAdvisoriesOfAComponentAndRebuildsThemFromTheStoredJson() {
    SbomComponent sdk = component("Welch Allyn Software Development Kit (SDK)", "Hillrom", "3.1");
    assertThat(db.csafCandidatesFor(sdk)).extracting(CsafAdvisory::trackingId).containsExactly("ICSMA-21-152-01");
    assertThat(db.csafSource().candidatesFor(sdk)).extracting(CsafAdvisory::trackingId).containsExactly("ICSMA-21-152-01");
    assertThat(db.csafCandidatesFor(component("log4j-core", "Apache", "2.14.1"))).isEmpty();
    assertThat(db.csafAdvisoriesFor("CVE-2021-27410")).extracting(CsafAdvisory::trackingId).containsExactly("ICSMA-21-152-01");
    CsafAdvisory rebuilt = db.csafAdvisory("ICSMA-21-152-01").orElseThrow();
    assertThat(rebuilt.source()).isEqualTo("icsma (publisher https://www.cisa.gov/)");
    assertThat(rebuilt.sourceRecord()).isEqualTo("icsma-21-152-01.json");
    assertThat(rebuilt.products()).hasSize(9);
  }

  @Test
  void matchesThroughTheDatabaseSource() {
    List<VulnerabilityMatch> m = new CsafMatcher(db.csafSource())
        .match(List.of(component("Welch Allyn Software Development Kit (SDK)", "Hillrom", "3.1"),
            component("Welch Allyn Software Development Kit (SDK)", "Hillrom", "3.2")))
        .matches();
    assertThat(m).extracting(VulnerabilityMatch::id, VulnerabilityMatch::version, VulnerabilityMatch::confidence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-2021-27408", "3.1", MatchConfidence.MEDIUM),
            org.assertj.core.groups.Tuple.tuple("CVE-2021-27410", "3.1", MatchConfidence.MEDIUM));
  }

  @Test
  void reimportingIsIdempotentAndTheLaterReleaseWins(@TempDir Path dir) throws IOException {
    try (VulnerabilityDatabase small = VulnerabilityDatabase.open(dir.resolve("db"))) {
      Path v2 = write(dir, "acme-v2.json", doc("2", "2026-11-20T00:00:00Z", "Acme pump advisory (Update A)", "P1", "CVE-2026-1111"));
      Path v1 = write(dir, "acme-v1.json", doc("1", "2026-11-01T00:00:00Z", "Acme pump advisory", "P1", "CVE-2026-1111"));
      small.importCsaf(v2);
      small.importCsaf(v2);
      ImportResult older = small.importCsaf(v1);

      assertThat(older.unchanged()).isEqualTo(1);
      assertThat(small.csafAdvisory("ACME-2026-001").orElseThrow().version()).isEqualTo("2");
      assertThat(small.status().csafDocuments()).isEqualTo(1);
      assertThat(small.status().csafVulnerabilities()).isEqualTo(1);

      Path v3 = write(dir, "acme-v3.json", doc("3", "2026-12-01T00:00:00Z", "Acme pump advisory (Update B)", "P1", "CVE-2026-2222"));
      small.importCsaf(v3);
      assertThat(small.csafAdvisory("ACME-2026-001").orElseThrow().title()).isEqualTo("Acme pump advisory (Update B)");
      assertThat(small.csafAdvisoriesFor("CVE-2026-1111")).isEmpty();
      assertThat(small.csafAdvisoriesFor("CVE-2026-2222")).hasSize(1);
    }
  }

  @Test
  void aBadDocumentLeavesTheDatabaseExactlyAsItWas(@TempDir Path dir) throws IOException {
    try (VulnerabilityDatabase small = VulnerabilityDatabase.open(dir.resolve("db"))) {
      small.importCsaf(write(dir, "acme.json", doc("1", "2026-11-01T00:00:00Z", "Acme pump advisory", "P1", "CVE-2026-1111")));
      DatabaseStatus before = small.status();
      CsafAdvisory stored = small.csafAdvisory("ACME-2026-001").orElseThrow();
      String good = doc("2", "2026-11-20T00:00:00Z", "Acme pump advisory (Update A)", "P1", "CVE-2026-1111");
      Path newer = write(dir, "acme-v2.json", good);

      List<Object[]> bad = List.of(
          new Object[] {"truncated.json", good.substring(0, good.length() / 2), "damaged JSON"},
          new Object[] {"old.json", good.replace("\"csaf_version\": \"2.0\"", "\"csaf_version\": \"1.0\""),
              "/document/csaf_version: expected \"2.0\", found \"1.0\""},
          new Object[] {"no-tracking.json", good.replaceFirst("\"tracking\"", "\"trakcing\""), "/document/tracking: is required"},
          new Object[] {"unknown.json", doc("2", "2026-11-20T00:00:00Z", "x", "CSAFPID-0042", "CVE-2026-1111"),
              "/vulnerabilities/0/product_status/known_affected/0: product ID 'CSAFPID-0042' is not defined in the product tree"});
      for (Object[] b : bad) {
        Path file = write(dir, (String) b[0], (String) b[1]);
        // the valid newer release comes first in the batch: it must be rolled back with the rest
        assertThatThrownBy(() -> small.importCsaf(newer, file)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining((String) b[2]);
        assertThat(small.status()).isEqualTo(before);
        assertThat(small.csafAdvisory("ACME-2026-001")).contains(stored);
      }
    }
  }

  private static SbomComponent component(String name, String supplier, String version) {
    return new SbomComponent(name, Optional.of("firmware"), Optional.empty(), name, Optional.of(version), Optional.empty(),
        Optional.empty(), List.of(), List.of(), Optional.of(supplier), Optional.empty(), Optional.empty());
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** A small CSAF 2.0 advisory whose vulnerability lists {@code affected} as known affected. */
  static String doc(String version, String date, String title, String affected, String cve) {
    return """
        {"document": {"category": "csaf_security_advisory", "csaf_version": "2.0", "title": "%s",
          "publisher": {"category": "vendor", "name": "Acme PSIRT", "namespace": "https://acme.example"},
          "tracking": {"id": "ACME-2026-001", "version": "%s", "status": "final",
            "initial_release_date": "2026-11-01T00:00:00Z", "current_release_date": "%s",
            "revision_history": [{"date": "%s", "number": "%s", "summary": "release"}]}},
         "product_tree": {"branches": [{"category": "vendor", "name": "Acme", "branches": [
           {"category": "product_name", "name": "Pump", "branches": [
             {"category": "product_version_range", "name": "<= 4.2", "product": {"product_id": "P1", "name": "Acme Pump <= 4.2"}}]}]}]},
         "vulnerabilities": [{"cve": "%s", "product_status": {"known_affected": ["%s"]}}]}
        """.formatted(title, version, date, date, version, cve, affected);
  }
}
