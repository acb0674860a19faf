package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.KevEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KevReaderTest {

  private final Path catalog =
      SharedData.folder().resolve("cisa-kev/known_exploited_vulnerabilities.json");

  @TempDir Path tmp;

  @Test
  void readsEveryEntryOfTheRealCatalog() throws IOException {
    int declared = new ObjectMapper().readTree(catalog.toFile()).get("count").asInt();

    KevCatalog kev = new KevReader().read(catalog);

    assertThat(kev.entries()).hasSize(declared);
    assertThat(kev.catalogVersion()).isEqualTo("2025.08.25");
    KevEntry log4shell =
        kev.entries().stream().filter(e -> e.cveId().equals("CVE-2021-44228")).findFirst().orElseThrow();
    assertThat(log4shell.vendor()).isEqualTo("Apache");
    assertThat(log4shell.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
    assertThat(log4shell.knownRansomware()).isTrue();
  }

  @Test
  void skipsAnEntryWithABadDateAndSaysWhich() throws IOException {
    Path file = tmp.resolve("kev.json");
    Files.writeString(
        file,
        """
        {"catalogVersion": "x", "dateReleased": "y", "vulnerabilities": [
          {"cveID": "CVE-2020-0001", "vendorProject": "V", "product": "P", "dateAdded": "2020-01-01", "dueDate": "2020-02-01"},
          {"cveID": "CVE-2020-0002", "vendorProject": "V", "product": "P", "dateAdded": "soon", "dueDate": "2020-02-01"}]}
        """);
    List<Problem> skipped = new ArrayList<>();

    KevCatalog kev = new KevReader().read(file, skipped::add);

    assertThat(kev.entries()).extracting(KevEntry::cveId).containsExactly("CVE-2020-0001");
    assertThat(skipped).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("vulnerabilities[1]");
      assertThat(p.message()).contains("CVE-2020-0002").contains("dateAdded");
    });
  }

  @Test
  void refusesAnOsvRecordGivenAsACatalog() {
    Path osvRecord = SharedData.folder().resolve("osv/GHSA-sample/GHSA-jfh8-c2jp-5v3q.json");
    assertThatThrownBy(() -> new KevReader().read(osvRecord))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a CISA KEV catalog")
        .hasMessageContaining(osvRecord.toString());
  }

  @Test
  void aTwoGigabyteFileIsRefusedNamingItWithoutExhaustingMemory() throws IOException {
    Path huge = tmp.resolve("huge");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024 * 1024); // sparse: 2 GiB of zero bytes that cost no disk
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KevReader().read(huge, p -> {}))
        .isInstanceOf(io.vigie.core.validation.InvalidInputException.class)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("larger than 256 MiB");
  }
}
