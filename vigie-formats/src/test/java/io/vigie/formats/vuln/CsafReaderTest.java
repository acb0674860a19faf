package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.csaf.CsafAdvisory;
import io.vigie.core.vuln.csaf.CsafProduct;
import io.vigie.core.vuln.csaf.CsafVulnerability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CISA's CSAF 2.0 advisories from ../shared/data, and the documents that must be refused. */
class CsafReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CsafReader reader = new CsafReader();

  private static Path csaf() {
    return SharedData.folder().resolve("cisa-csaf");
  }

  private static List<CsafAdvisory> readFolder(Path folder, List<Problem> skipped) {
    List<CsafAdvisory> out = new ArrayList<>();
    new CsafReader().readAll(folder, r -> out.add(r.advisory()), skipped::add);
    return out;
  }

  @Test
  void readsEveryIcsmaAndIcsaSampleDocument() {
    List<Problem> skipped = new ArrayList<>();
    List<CsafAdvisory> icsma = readFolder(csaf().resolve("icsma"), skipped);
    List<CsafAdvisory> icsa = readFolder(csaf().resolve("icsa-sample"), skipped);

    assertThat(skipped).isEmpty();
    assertThat(icsma).hasSize(144);
    assertThat(icsma.stream().mapToInt(a -> a.vulnerabilities().size()).sum()).isEqualTo(433);
    assertThat(icsma.stream().flatMap(a -> a.vulnerabilities().stream()).flatMap(v -> v.cve().stream()).distinct())
        .hasSize(428);
    assertThat(icsa).hasSize(31);
    assertThat(icsa.stream().mapToInt(a -> a.vulnerabilities().size()).sum()).isEqualTo(77);
  }

  @Test
  void flattensTheProductTreeAndKeepsStatusScoresAndRemediations() {
    CsafAdvisory a = reader.read(csaf().resolve("icsma/icsma-21-152-01.json"));

    assertThat(a.trackingId()).isEqualTo("ICSMA-21-152-01");
    assertThat(a.version()).isEqualTo("2");
    assertThat(a.title()).isEqualTo("Hillrom Medical Device Management (Update B)");
    assertThat(a.publisher()).isEqualTo("CISA");
    assertThat(a.publisherNamespace()).isEqualTo("https://www.cisa.gov/");
    assertThat(a.products()).hasSize(9);
    CsafProduct sdk = a.product("CSAFPID-0006").orElseThrow();
    assertThat(sdk).isEqualTo(new CsafProduct("CSAFPID-0006", "Welch Allyn Software Development Kit (SDK): versions prior to v3.2",
        Optional.of("Hillrom"), Optional.of("Welch Allyn Software Development Kit (SDK)"), Optional.empty(), Optional.of("< 3.2"),
        Optional.empty(), Optional.empty()));
    CsafVulnerability v = a.vulnerabilities().get(0);
    assertThat(v.cve()).contains("CVE-2021-27410");
    assertThat(v.productStatus().knownAffected()).hasSize(9);
    assertThat(v.cvssVectorsFor("CSAFPID-0006")).containsExactly("CVSS:3.0/AV:A/AC:H/PR:L/UI:N/S:U/C:L/I:H/A:L");
    assertThat(v.remediationsFor("CSAFPID-0006")).extracting(r -> r.category() + ": " + r.details())
        .startsWith("vendor_fix: Welch Allyn Software Development Kit (SDK): v3.2");
  }

  @Test
  void resolvesProductGroupsInRemediations(@TempDir Path dir) throws IOException {
    ObjectNode doc = minimal();
    ((ObjectNode) doc.get("product_tree")).putArray("product_groups").addObject().put("group_id", "CSAFGID-1")
        .putArray("product_ids").add("P1").add("P2");
    ((ObjectNode) doc.at("/vulnerabilities/0/remediations/0")).remove("product_ids");
    ((ObjectNode) doc.at("/vulnerabilities/0/remediations/0")).putArray("group_ids").add("CSAFGID-1");
    CsafAdvisory a = reader.read(write(dir, "groups.json", doc));
    assertThat(a.vulnerabilities().get(0).remediations().get(0).productIds()).containsExactly("P1", "P2");
  }

  @Test
  void refusesAnythingButCsaf20NamingTheFileAndThePointer(@TempDir Path dir) throws IOException {
    ObjectNode old = minimal();
    ((ObjectNode) old.get("document")).put("csaf_version", "1.0");
    assertRefused(write(dir, "old.json", old), "/document/csaf_version", "expected \"2.0\", found \"1.0\"");

    ObjectNode noTracking = minimal();
    ((ObjectNode) noTracking.get("document")).remove("tracking");
    assertRefused(write(dir, "no-tracking.json", noTracking), "/document/tracking", "is required");

    ObjectNode unknown = minimal();
    ((ArrayNode) unknown.at("/vulnerabilities/0/product_status/known_affected")).add("CSAFPID-9999");
    assertRefused(write(dir, "unknown-product.json", unknown), "/vulnerabilities/0/product_status/known_affected/1",
        "product ID 'CSAFPID-9999' is not defined in the product tree");

    Path truncated = dir.resolve("truncated.json");
    String text = JSON.writeValueAsString(minimal());
    Files.writeString(truncated, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> reader.read(truncated)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(truncated + ":1:").hasMessageContaining("damaged JSON");
  }

  @Test
  void wrongShapesAreProblemsNotCrashes(@TempDir Path dir) throws IOException {
    ObjectNode doc = minimal();
    ((ObjectNode) doc.at("/product_tree/branches/0/branches/0")).put("branches", "not a list");
    ((ObjectNode) doc.at("/vulnerabilities/0/product_status")).put("known_affected", "P1");
    ((ObjectNode) doc.at("/vulnerabilities/0/remediations/0")).putArray("product_ids").add(42);
    doc.putObject("vulnerabilities_extra");
    Path file = write(dir, "shapes.json", doc);
    assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(Problem::field).contains(
            "/product_tree/branches/0/branches/0/branches", "/vulnerabilities/0/product_status/known_affected",
            "/vulnerabilities/0/remediations/0/product_ids/0"));

    ObjectNode vulnerabilitiesAsObject = minimal();
    vulnerabilitiesAsObject.putObject("vulnerabilities").put("cve", "CVE-2026-1111");
    Path second = write(dir, "object.json", vulnerabilitiesAsObject);
    assertThatThrownBy(() -> reader.read(second)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/vulnerabilities: expected an array, found object");
  }

  @Test
  void aFolderSkipsInvalidDocumentsAndSaysWhy(@TempDir Path dir) throws IOException {
    write(dir, "a-good.json", minimal());
    ObjectNode old = minimal();
    ((ObjectNode) old.get("document")).put("csaf_version", "1.0");
    Files.createDirectories(dir.resolve("2019"));
    write(dir.resolve("2019"), "b-old.json", old);
    List<Problem> skipped = new ArrayList<>();
    List<CsafAdvisory> read = new ArrayList<>();

    BulkReadSummary s = reader.readAll(dir, r -> read.add(r.advisory()), skipped::add);

    assertThat(s).isEqualTo(new BulkReadSummary(1, 1));
    assertThat(read).extracting(CsafAdvisory::sourceRecord).containsExactly("a-good.json");
    assertThat(skipped).singleElement().hasToString(dir.resolve("2019/b-old.json")
        + ": /document/csaf_version: expected \"2.0\", found \"1.0\": only CSAF 2.0 is read");
  }

  @Test
  void aDamagedFileInAFolderStopsTheRead(@TempDir Path dir) throws IOException {
    write(dir, "a-good.json", minimal());
    Files.writeString(dir.resolve("b-cut.json"), "{\"document\": {\"csaf_version\": \"2.0\"");
    assertThatThrownBy(() -> reader.readAll(dir, r -> { }, p -> { })).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("b-cut.json").hasMessageContaining("damaged JSON");
  }

  private void assertRefused(Path file, String pointer, String message) {
    assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).anySatisfy(p -> {
          assertThat(p.source()).isEqualTo(file.toString());
          assertThat(p.field()).isEqualTo(pointer);
          assertThat(p.message()).contains(message);
        }));
  }

  private static Path write(Path dir, String name, ObjectNode doc) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, JSON.writeValueAsString(doc));
    return file;
  }

  /** A small valid CSAF 2.0 advisory: one vendor, two products, one vulnerability. */
  static ObjectNode minimal() throws IOException {
    return (ObjectNode) JSON.readTree("""
        {"document": {"category": "csaf_security_advisory", "csaf_version": "2.0", "title": "Acme pump advisory",
          "publisher": {"category": "vendor", "name": "Acme PSIRT", "namespace": "https://acme.example"},
          "tracking": {"id": "ACME-2026-001", "version": "1", "status": "final",
            "initial_release_date": "2026-11-01T00:00:00Z", "current_release_date": "2026-11-01T00:00:00Z",
            "revision_history": [{"date": "2026-11-01T00:00:00Z", "number": "1", "summary": "Initial"}]}},
         "product_tree": {"branches": [{"category": "vendor", "name": "Acme", "branches": [
           {"category": "product_name", "name": "Pump", "branches": [
             {"category": "product_version_range", "name": "<= 4.2", "product": {"product_id": "P1", "name": "Acme Pump <= 4.2"}},
             {"category": "product_version", "name": "4.3", "product": {"product_id": "P2", "name": "Acme Pump 4.3"}}]}]}]},
         "vulnerabilities": [{"cve": "CVE-2026-1111", "title": "Hard-coded credentials", "cwe": {"id": "CWE-798", "name": "x"},
           "product_status": {"known_affected": ["P1"], "fixed": ["P2"]},
           "remediations": [{"category": "vendor_fix", "details": "Update to 4.3", "product_ids": ["P1"]}]}]}
        """);
  }

  @Test
  void theMinimalDocumentIsValid(@TempDir Path dir) throws IOException {
    CsafAdvisory a = reader.read(write(dir, "acme.json", minimal()));
    assertThat(a.currentReleaseDate()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(a.vulnerabilities().get(0).cwes()).containsExactly("CWE-798");
    assertThat(a.vulnerabilities().get(0).productStatus().fixed()).containsExactly("P2");
  }
}
