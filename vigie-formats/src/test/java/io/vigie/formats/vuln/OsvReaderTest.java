package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.AffectedVerdict;
import io.vigie.core.vuln.version.OsvAffected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvReaderTest {

  private final OsvReader reader = new OsvReader();
  private final Path osv = SharedData.folder().resolve("osv");

  @TempDir Path tmp;

  @Test
  void readsLog4ShellWithItsAliasAndAffectedRanges() {
    Advisory log4shell = reader.read(osv.resolve("GHSA-sample/GHSA-jfh8-c2jp-5v3q.json"));

    assertThat(log4shell.id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4shell.aliases()).contains("CVE-2021-44228");
    assertThat(log4shell.withdrawn()).isEmpty();
    assertThat(log4shell.cvssVectors()).anyMatch(v -> v.startsWith("CVSS:3"));
    OsvAffected core =
        log4shell.affected().stream()
            .filter(a -> a.packageName().equals("org.apache.logging.log4j:log4j-core"))
            .findFirst()
            .orElseThrow();
    assertThat(core.evaluate("2.14.1")).isInstanceOf(AffectedVerdict.Affected.class);
    assertThat(core.evaluate("2.17.1")).isInstanceOf(AffectedVerdict.NotAffected.class);
  }

  @Test
  void everyZipEntryIsEitherReadOrReportedAsSkipped() throws IOException {
    for (String ecosystem : List.of("Go", "PyPI", "crates.io", "OSS-Fuzz", "AlmaLinux")) {
      Path zip = osv.resolve(ecosystem + "-all.zip");
      long entries;
      try (ZipFile z = new ZipFile(zip.toFile())) {
        entries = z.stream().filter(e -> e.getName().endsWith(".json")).count();
      }
      List<Advisory> read = new ArrayList<>();
      List<Problem> skipped = new ArrayList<>();

      BulkReadSummary summary = reader.readAll(zip, read::add, skipped::add);

      assertThat(summary.total()).as(ecosystem).isEqualTo(entries);
      assertThat(read).hasSize(summary.read());
      assertThat(skipped).hasSizeGreaterThanOrEqualTo(summary.skipped());
      assertThat(skipped).allSatisfy(p -> assertThat(p.source()).contains(zip.toString() + "!"));
      System.out.printf("%s: %d read, %d skipped%n", ecosystem, summary.read(), summary.skipped());
      skipped.stream().limit(3).forEach(p -> System.out.println("  " + p));
    }
  }

  @Test
  void marksWithdrawnRecords() {
    List<Advisory> read = new ArrayList<>();
    reader.readAll(osv.resolve("Go-all.zip"), read::add, p -> {});
    assertThat(read.stream().filter(Advisory::isWithdrawn).count()).isEqualTo(17);
  }

  @Test
  void readsAFolderOfRecords() {
    List<Advisory> read = new ArrayList<>();
    BulkReadSummary summary = reader.readAll(osv.resolve("GHSA-sample"), read::add, p -> {});
    assertThat(summary).isEqualTo(new BulkReadSummary(7, 0));
    assertThat(read).allSatisfy(a -> assertThat(a.source()).isEqualTo("GHSA-sample"));
  }

  @Test
  void truncatedJsonThrowsNamingTheFileAndPosition() throws IOException {
    Path file = tmp.resolve("GHSA-truncated.json");
    byte[] full = Files.readAllBytes(osv.resolve("GHSA-sample/GHSA-jfh8-c2jp-5v3q.json"));
    Files.write(file, java.util.Arrays.copyOf(full, full.length / 2));

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          Problem p = ((InvalidInputException) e).problems().get(0);
          assertThat(p.source()).isEqualTo(file.toString());
          assertThat(p.line()).isPositive();
          assertThat(p.message()).contains("damaged JSON");
        });
  }

  @Test
  void aRangeWithoutIntroducedIsAnInvalidRecordNamedByIdAndField() {
    String json =
        """
        {"id": "TEST-1", "modified": "2024-01-01T00:00:00Z",
         "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
                       "ranges": [{"type": "ECOSYSTEM", "events": [{"fixed": "1.0"}]}]}]}
        """;
    assertThatThrownBy(() -> reader.parse(bytes(json), "t.json", "t", "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("t.json")
        .hasMessageContaining("record TEST-1")
        .hasMessageContaining("affected[0].ranges[0].events")
        .hasMessageContaining("introduced");
  }

  @Test
  void aVersionTheEcosystemCannotParseIsAnInvalidRecord() {
    String json =
        """
        {"id": "TEST-2", "modified": "2024-01-01T00:00:00Z",
         "affected": [{"package": {"ecosystem": "Go", "name": "x"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "not a version"}]}]}]}
        """;
    assertThatThrownBy(() -> reader.parse(bytes(json), "t.json", "t", "t.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("affected[0].ranges[0].events[1].fixed")
        .hasMessageContaining("not a version");
  }

  @Test
  void inABulkReadInvalidRecordsAreSkippedWithAWarningNamingEntryAndRecord() throws IOException {
    Path zip = tmp.resolve("Mixed-all.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("GOOD-1.json"));
      out.write(bytes("{\"id\": \"GOOD-1\", \"modified\": \"2024-01-01T00:00:00Z\"}"));
      out.putNextEntry(new ZipEntry("BAD-1.json"));
      out.write(bytes("{\"id\": \"BAD-1\", \"modified\": \"yesterday\"}"));
    }
    List<Advisory> read = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();

    BulkReadSummary summary = reader.readAll(zip, read::add, skipped::add);

    assertThat(summary).isEqualTo(new BulkReadSummary(1, 1));
    assertThat(read).extracting(Advisory::id).containsExactly("GOOD-1");
    assertThat(skipped).singleElement().satisfies(p -> {
      assertThat(p.source()).isEqualTo(zip + "!BAD-1.json");
      assertThat(p.field()).isEqualTo("modified");
      assertThat(p.message()).contains("record BAD-1");
    });
  }

  @Test
  void aTruncatedZipThrowsNamingTheFile() throws IOException {
    Path zip = tmp.resolve("Go-all.zip");
    byte[] full = Files.readAllBytes(osv.resolve("crates.io-all.zip"));
    Files.write(zip, java.util.Arrays.copyOf(full, full.length - 1000));

    assertThatThrownBy(() -> reader.readAll(zip, a -> {}, p -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(zip.toString());
  }

  @Test
  void refusesAFileThatIsNotOsv() throws IOException {
    Path csv = tmp.resolve("scores.csv");
    Files.writeString(csv, "cve,epss\n");
    assertThatThrownBy(() -> reader.readAll(csv, a -> {}, p -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scores.csv");
  }

  @Test
  void aTwoGigabyteFileIsRefusedNamingItWithoutReadingIt() throws IOException {
    Path huge = tmp.resolve("GHSA-huge.json");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024 * 1024); // sparse: costs no disk
    }
    assertThatThrownBy(() -> reader.readAll(huge, a -> {}, p -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("larger than 32 MiB");
  }

  @Test
  void aZipBombEntryIsSkippedAndTheRealRecordsAreStillRead() throws IOException {
    Path zip = tmp.resolve("PyPI-all.zip");
    byte[] log4shell = Files.readAllBytes(osv.resolve("GHSA-sample/GHSA-jfh8-c2jp-5v3q.json"));
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("BOMB-1.json"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 40; i++) { // 40 MiB that compress to about 40 KiB
        out.write(zeros);
      }
      out.closeEntry();
      out.putNextEntry(new ZipEntry("GHSA-jfh8-c2jp-5v3q.json"));
      out.write(log4shell);
      out.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(1024 * 1024);
    List<Advisory> read = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    reader.readAll(zip, read::add, skipped::add);

    assertThat(read).extracting(Advisory::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(skipped).singleElement().satisfies(p -> assertThat(p.toString())
        .contains(zip + "!BOMB-1.json").contains("larger than 32 MiB"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
