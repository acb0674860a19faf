package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafMatcher;
import io.vigie.core.vuln.csaf.CsafNames;
import io.vigie.core.vuln.csaf.CsafProduct;
import io.vigie.core.vuln.csaf.Cpe;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.formats.vuln.CsafReader;
import io.vigie.formats.vuln.CsafRecord;
import io.vigie.store.DatabaseLocation;
import io.vigie.store.TestDataSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSAF document is its publisher namespace plus its tracking ID (CSAF 2.0), on every backend
 * ({@link H2CsafPublisherIdentityTest}, {@link PostgresCsafPublisherIdentityTest}): two publishers
 * with one tracking ID keep two documents that both match, re-importing stays idempotent, and a
 * database written at schema V5 (tracking ID alone) keeps its CSAF rows through V6 with the
 * namespace read from the stored document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CsafPublisherIdentityTest {
  static final String ACME = "https://acme.example";
  static final String OTHER = "https://psirt.other.example/csaf";
  static final String ID = "ACME-2026-001";

  /** A new, empty database of this backend, distinct for each name. */
  abstract DatabaseLocation location(String name);

  @TempDir Path files;

  @BeforeAll
  void checkTheData() {
    assertThat(SharedData.folder().resolve("cisa-csaf/icsma")).as("real public data in ../shared/data").isDirectory();
  }

  @Test
  void twoPublishersUsingOneTrackingIdKeepTwoDocumentsAndBothMatch() throws IOException {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(location("two-publishers"))) {
      db.importCsaf(write("acme.json", doc(ACME, "Acme PSIRT", "2", "2026-11-20T00:00:00Z", "Acme pump advisory",
          "CVE-2026-1111")));
      // The other publisher's release is older: under the tracking ID alone it would have been
      // dropped as "older", or, were it newer, replaced Acme's.
      ImportResult other = db.importCsaf(write("other.json", doc(OTHER, "Other CERT", "1", "2026-10-01T00:00:00Z",
          "Other CERT note on Acme pumps", "CVE-2026-1111", "CVE-2026-3333")));

      assertThat(other.unchanged()).isZero();
      assertThat(db.status().csafDocuments()).isEqualTo(2);
      assertThat(db.status().csafVulnerabilities()).isEqualTo(3);
      assertThat(db.csafAdvisories(ID)).extracting(CsafAdvisory::publisherNamespace, CsafAdvisory::title)
          .containsExactly(tuple(ACME, "Acme pump advisory"), tuple(OTHER, "Other CERT note on Acme pumps"));
      assertThat(db.csafAdvisory(ACME, ID)).get().extracting(CsafAdvisory::version).isEqualTo("2");
      assertThat(db.csafAdvisory(OTHER, ID)).get().extracting(CsafAdvisory::version).isEqualTo("1");
      assertThat(db.csafAdvisory("https://nobody.example", ID)).isEmpty();
      assertThat(db.csafAdvisoriesFor("CVE-2026-1111")).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME, OTHER);
      assertThat(db.csafAdvisoriesFor("CVE-2026-3333")).extracting(CsafAdvisory::publisherNamespace).containsExactly(OTHER);
      // What a person types: the one document is not chosen silently, both are named.
      assertThatThrownBy(() -> db.csafAdvisory(ID)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + ID + "' is the tracking ID of 2 CSAF documents")
          .hasMessageContaining(ACME + " ('Acme pump advisory', Acme PSIRT)")
          .hasMessageContaining(OTHER + " ('Other CERT note on Acme pumps', Other CERT)");

      SbomComponent pump = pump("4.1");
      assertThat(db.csafCandidatesFor(pump)).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME, OTHER);
      assertThat(db.csafSource().candidatesFor(pump)).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME, OTHER);
      List<VulnerabilityMatch> matches = new CsafMatcher(db.csafSource()).match(List.of(pump)).matches();
      assertThat(matches).extracting(VulnerabilityMatch::id).containsExactly("CVE-2026-1111", "CVE-2026-3333");
      // One finding for the CVE both publish, one provenance line per publisher, told apart by source.
      assertThat(matches.get(0).provenance()).extracting(VulnerabilityMatch.Provenance::advisory,
              VulnerabilityMatch.Provenance::source, VulnerabilityMatch.Provenance::record)
          .containsExactlyInAnyOrder(tuple(ID, "acme.json (publisher " + ACME + ")", "acme.json"),
              tuple(ID, "other.json (publisher " + OTHER + ")", "other.json"));
      assertThat(matches.get(1).provenance()).extracting(VulnerabilityMatch.Provenance::source)
          .containsExactly("other.json (publisher " + OTHER + ")");
    }
  }

  @Test
  void reimportingIsIdempotentAndTheNewerReleaseWinsWithinEachPublisher() throws IOException {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(location("reimport"))) {
      Path acme2 = write("acme-2.json", doc(ACME, "Acme PSIRT", "2", "2026-11-20T00:00:00Z", "Acme (Update A)", "CVE-2026-1111"));
      Path acme1 = write("acme-1.json", doc(ACME, "Acme PSIRT", "1", "2026-11-01T00:00:00Z", "Acme", "CVE-2026-1111"));
      Path other1 = write("other-1.json", doc(OTHER, "Other CERT", "1", "2026-11-05T00:00:00Z", "Other", "CVE-2026-1111"));
      db.importCsaf(acme2, other1);
      List<CsafAdvisory> first = db.csafAdvisories(ID);
      DatabaseStatus before = db.status();

      ImportResult again = db.importCsaf(acme2, other1);
      assertThat(again.unchanged()).isZero(); // an equal release is written again, to the same rows
      assertThat(db.csafAdvisories(ID)).isEqualTo(first);
      assertThat(db.status().csafDocuments()).isEqualTo(before.csafDocuments());
      assertThat(db.status().csafVulnerabilities()).isEqualTo(before.csafVulnerabilities());

      ImportResult older = db.importCsaf(acme1);
      assertThat(older.unchanged()).isEqualTo(1);
      assertThat(db.csafAdvisory(ACME, ID)).get().extracting(CsafAdvisory::title).isEqualTo("Acme (Update A)");

      Path other2 = write("other-2.json", doc(OTHER, "Other CERT", "2", "2026-12-01T00:00:00Z", "Other (Update A)", "CVE-2026-4444"));
      db.importCsaf(other2);
      assertThat(db.csafAdvisories(ID)).extracting(CsafAdvisory::publisherNamespace, CsafAdvisory::title)
          .containsExactly(tuple(ACME, "Acme (Update A)"), tuple(OTHER, "Other (Update A)"));
      assertThat(db.csafAdvisoriesFor("CVE-2026-1111")).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME);
      assertThat(db.status().csafDocuments()).isEqualTo(2);
      assertThat(db.status().csafVulnerabilities()).isEqualTo(2);
    }
  }

  @Test
  void aNamespaceLongerThanTheDatabaseKeepsIsRefusedWithTheFileNamedAndNothingWritten() throws IOException {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(location("long-namespace"))) {
      db.importCsaf(write("acme.json", doc(ACME, "Acme PSIRT", "1", "2026-11-01T00:00:00Z", "Acme", "CVE-2026-1111")));
      Path longOne = write("long.json", doc("https://x.example/" + "a".repeat(1000), "X", "1", "2026-11-01T00:00:00Z",
          "X", "CVE-2026-1111"));
      Path good = write("other.json", doc(OTHER, "Other CERT", "1", "2026-11-01T00:00:00Z", "Other", "CVE-2026-1111"));
      assertThatThrownBy(() -> db.importCsaf(good, longOne)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("long.json").hasMessageContaining("/document/publisher/namespace")
          .hasMessageContaining("at most 1000");
      assertThat(db.csafAdvisories(ID)).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME);
    }
  }

  // ---- a database written at schema V5 ----

  @Test
  void aDatabaseWrittenAtV5KeepsItsCsafRowsWithTheNamespaceOfEachDocument() throws Exception {
    DatabaseLocation where = location("from-v5");
    Flyway.configure().dataSource(TestDataSources.of(where)).locations("classpath:db/migration").target("5")
        .load().migrate();
    Path icsma = SharedData.folder().resolve("cisa-csaf/icsma");
    List<CsafRecord> records = new ArrayList<>();
    new CsafReader().readAll(icsma, records::add, p -> {
      throw new AssertionError(p.toString());
    });
    // A document laid out to mislead a text search: the product tree (with its own 'namespace'
    // keys) before the document, a publisher name quoting '"namespace":"', a '}' before the
    // namespace, and characters beyond ASCII in it.
    String tricky = """
        {"product_tree": {"full_product_names": [{"product_id": "P1", "name": "Acme Pump 4.2",
            "product_identification_helper": {"x_generic_uris": [{"namespace": "https://wrong.example/first", "uri": "https://x"}]}}]},
         "document": {"category": "csaf_security_advisory", "csaf_version": "2.0", "title": "Tricky",
          "publisher": {"category": "vendor", "name": "Acme } \\"namespace\\":\\"https://wrong.example/name\\"",
            "namespace": "https://acmé.example/psirt?a=1&b=}"},
          "tracking": {"id": "TRICKY-1", "version": "1", "status": "final",
            "initial_release_date": "2026-11-01T00:00:00Z", "current_release_date": "2026-11-01T00:00:00Z",
            "revision_history": [{"date": "2026-11-01T00:00:00Z", "number": "1", "summary": "release"}]}},
         "vulnerabilities": [{"cve": "CVE-2026-5555", "product_status": {"known_affected": ["P1"]}}]}
        """;
    Path trickyFile = write("tricky.json", tricky);
    new CsafReader().readAll(trickyFile, records::add, p -> {
      throw new AssertionError(p.toString());
    });
    // Stored as an older build might have, pretty-printed: no '"publisher":{' to find, so V6 keeps
    // the row under the namespace '' (documented), and it must survive all the same.
    Path prettyFile = write("pretty.json", doc(ACME, "Acme PSIRT", "1", "2026-11-01T00:00:00Z", "Pretty", "CVE-2026-6666"));
    List<CsafRecord> pretty = new ArrayList<>();
    new CsafReader().readAll(prettyFile, pretty::add, p -> {
      throw new AssertionError(p.toString());
    });
    String prettyJson = new ObjectMapper().readTree(pretty.get(0).json()).toPrettyString();
    try (Connection c = TestDataSources.of(where).getConnection()) {
      for (CsafRecord r : records) {
        insertAtV5(c, r.advisory(), r.json());
      }
      insertAtV5(c, pretty.get(0).advisory(), prettyJson);
    }
    int documents = records.size() + 1;
    int vulnerabilities = records.stream().mapToInt(r -> r.advisory().vulnerabilities().size()).sum() + 1;
    int products = records.stream().mapToInt(r -> r.advisory().products().size()).sum() + 1;

    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(where)) {
      assertThat(db.migratedOnOpen()).isTrue();
      assertThat(db.status().csafDocuments()).isEqualTo(documents);
      assertThat(db.status().csafVulnerabilities()).isEqualTo(vulnerabilities);
      TreeMap<String, Integer> byNamespace = new TreeMap<>();
      try (Connection c = TestDataSources.of(where).getConnection()) {
        assertThat(count(c, "SELECT COUNT(*) FROM csaf_product")).isEqualTo(products);
        try (ResultSet rs = c.createStatement().executeQuery("SELECT publisher_namespace, tracking_id FROM csaf_document")) {
          while (rs.next()) {
            byNamespace.merge(rs.getString(1), 1, Integer::sum);
            if (rs.getString(2).equals("TRICKY-1")) {
              assertThat(rs.getString(1)).isEqualTo("https://acmé.example/psirt?a=1&b=}");
            }
          }
        }
        // The products and vulnerabilities follow their document's namespace (no orphan, none lost).
        assertThat(count(c, "SELECT COUNT(*) FROM csaf_product p JOIN csaf_document d"
            + " ON d.publisher_namespace = p.publisher_namespace AND d.tracking_id = p.tracking_id")).isEqualTo(products);
        assertThat(count(c, "SELECT COUNT(*) FROM csaf_vulnerability v JOIN csaf_document d"
            + " ON d.publisher_namespace = v.publisher_namespace AND d.tracking_id = v.tracking_id")).isEqualTo(vulnerabilities);
      }
      assertThat(byNamespace).containsExactly(java.util.Map.entry("", 1), java.util.Map.entry("https://acmé.example/psirt?a=1&b=}", 1),
          java.util.Map.entry("https://www.cisa.gov/", 144));

      // Everything still answers: by ID, by CVE, and matching through the scan's source.
      assertThat(db.csafAdvisory("ICSMA-21-152-01")).get().extracting(CsafAdvisory::publisherNamespace, CsafAdvisory::source)
          .containsExactly("https://www.cisa.gov/", "icsma (publisher https://www.cisa.gov/)");
      assertThat(db.csafAdvisory("https://www.cisa.gov/", "ICSMA-21-152-01")).isPresent();
      assertThat(db.csafAdvisoriesFor("CVE-2021-27410")).extracting(CsafAdvisory::trackingId).containsExactly("ICSMA-21-152-01");
      SbomComponent sdk = new SbomComponent("sdk", Optional.of("firmware"), Optional.empty(),
          "Welch Allyn Software Development Kit (SDK)", Optional.of("3.1"), Optional.empty(), Optional.empty(), List.of(),
          List.of(), Optional.of("Hillrom"), Optional.empty(), Optional.empty());
      assertThat(new CsafMatcher(db.csafSource()).match(List.of(sdk)).matches()).extracting(VulnerabilityMatch::id)
          .containsExactly("CVE-2021-27408", "CVE-2021-27410");
      // The row V6 could not read keeps its data and shows its real publisher, from its JSON.
      assertThat(db.csafAdvisory(ID)).get().extracting(CsafAdvisory::title, CsafAdvisory::source)
          .containsExactly("Pretty", "pretty.json (publisher " + ACME + ")");

      // Importing the same documents again finds them under the namespace V6 gave them: nothing
      // is added, and the unreadable row is replaced by the document under its namespace.
      db.importCsaf(icsma, trickyFile, prettyFile);
      assertThat(db.status().csafDocuments()).isEqualTo(documents);
      assertThat(db.status().csafVulnerabilities()).isEqualTo(vulnerabilities);
      assertThat(db.csafAdvisories(ID)).extracting(CsafAdvisory::publisherNamespace).containsExactly(ACME);
      try (Connection c = TestDataSources.of(where).getConnection()) {
        assertThat(count(c, "SELECT COUNT(*) FROM csaf_document WHERE publisher_namespace = ''")).isZero();
      }
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The rows the V5 CsafWriter wrote for one document (keyed by tracking ID alone). */
  private static void insertAtV5(Connection c, CsafAdvisory a, String json) throws SQLException {
    try (PreparedStatement d = c.prepareStatement("INSERT INTO csaf_document (tracking_id, version, title, publisher,"
        + " current_release_date, source, source_record, raw_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      d.setString(1, a.trackingId());
      d.setString(2, a.version());
      d.setString(3, a.title());
      d.setString(4, a.publisher());
      d.setObject(5, AdvisoryWriter.utc(a.currentReleaseDate()));
      d.setString(6, a.source());
      d.setString(7, a.sourceRecord());
      d.setString(8, json);
      d.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO csaf_product (tracking_id, product_id, full_name,"
        + " vendor_key, product_key, vendor_product_key, purl_type, purl_namespace, purl_name, cpe_vendor, cpe_product)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (CsafProduct product : a.products()) {
        String vendor = product.vendor().map(CsafNames::vendor).orElse("");
        String name = product.productName().map(CsafNames::normalize).orElse("");
        String[] purl = CsafWriter.purlParts(product.purl());
        Optional<Cpe> cpe = product.cpe().flatMap(Cpe::parse);
        List<String> values = List.of(a.trackingId(), product.productId(), product.fullName(), vendor, name,
            vendor.isEmpty() || name.isEmpty() ? "" : vendor + " " + name, purl[0], purl[1], purl[2],
            cpe.map(Cpe::vendor).orElse(""), cpe.map(Cpe::product).orElse(""));
        for (int i = 0; i < values.size(); i++) {
          p.setString(i + 1, values.get(i));
        }
        p.executeUpdate();
      }
    }
    try (PreparedStatement v = c.prepareStatement(
        "INSERT INTO csaf_vulnerability (tracking_id, position, cve, title) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < a.vulnerabilities().size(); i++) {
        v.setString(1, a.trackingId());
        v.setInt(2, i);
        v.setString(3, a.vulnerabilities().get(i).cve().orElse(null));
        v.setString(4, a.vulnerabilities().get(i).title());
        v.executeUpdate();
      }
    }
  }

  private static SbomComponent pump(String version) {
    return new SbomComponent("pump", Optional.of("firmware"), Optional.empty(), "Pump", Optional.of(version), Optional.empty(),
        Optional.empty(), List.of(), List.of(), Optional.of("Acme"), Optional.empty(), Optional.empty());
  }

  private Path write(String name, String text) throws IOException {
    Path file = files.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** A small CSAF 2.0 advisory of this publisher: product P1 (Acme Pump <= 4.2) affected by each CVE. */
  static String doc(String namespace, String publisher, String version, String date, String title, String... cves) {
    StringBuilder vulns = new StringBuilder();
    for (String cve : cves) {
      vulns.append(vulns.isEmpty() ? "" : ", ")
          .append("{\"cve\": \"%s\", \"product_status\": {\"known_affected\": [\"P1\"]}}".formatted(cve));
    }
    return """
        {"document": {"category": "csaf_security_advisory", "csaf_version": "2.0", "title": "%s",
          "publisher": {"category": "coordinator", "name": "%s", "namespace": "%s"},
          "tracking": {"id": "%s", "version": "%s", "status": "final",
            "initial_release_date": "2026-10-01T00:00:00Z", "current_release_date": "%s",
            "revision_history": [{"date": "%s", "number": "%s", "summary": "release"}]}},
         "product_tree": {"branches": [{"category": "vendor", "name": "Acme", "branches": [
           {"category": "product_name", "name": "Pump", "branches": [
             {"category": "product_version_range", "name": "<= 4.2", "product": {"product_id": "P1", "name": "Acme Pump <= 4.2"}}]}]}]},
         "vulnerabilities": [%s]}
        """.formatted(title, publisher, namespace, ID, version, date, date, version, vulns);
  }
}
