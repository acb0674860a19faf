package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpssReaderTest {

  private final Path csv = SharedData.folder().resolve("epss/epss_scores-2026-09-29-first534rows.csv");

  @TempDir Path tmp;

  @Test
  void readsTheRealFileWithItsModelVersionAndScoreDate() throws IOException {
    long rows = Files.readAllLines(csv).stream().filter(l -> l.startsWith("CVE-")).count();

    EpssSnapshot epss = new EpssReader().read(csv);

    assertThat(epss.scores()).hasSize((int) rows);
    assertThat(epss.modelVersion()).isEqualTo("v2026.06.15");
    assertThat(epss.scoreDate()).isEqualTo(LocalDate.of(2026, 9, 29));
    assertThat(epss.scores().get(0).cveId()).isEqualTo("CVE-1999-0001");
    assertThat(epss.scores().get(0).probability()).isEqualTo(0.03351);
  }

  @Test
  void readsTheSameFileGzipped() throws IOException {
    Path gz = tmp.resolve("epss.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(csv, out);
    }
    assertThat(new EpssReader().read(gz)).isEqualTo(new EpssReader().read(csv));
  }

  @Test
  void refusesAFileWithoutTheScoreDateComment() throws IOException {
    Path bare = tmp.resolve("bare.csv");
    Files.writeString(bare, "cve,epss,percentile\nCVE-1999-0001,0.1,0.2\n");
    assertThatThrownBy(() -> new EpssReader().read(bare))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bare.csv:1")
        .hasMessageContaining("model_version");
  }

  @Test
  void aBadRowIsReportedWithItsLine() throws IOException {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, "#model_version:v1,score_date:2026-01-01T00:00:00Z\ncve,epss,percentile\nCVE-1999-0001,high,0.2\n");
    assertThatThrownBy(() -> new EpssReader().read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.csv:3");
  }

  @Test
  void aTwoGigabyteFileIsRefusedNamingItWithoutExhaustingMemory() throws IOException {
    Path huge = tmp.resolve("huge");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024 * 1024); // sparse: 2 GiB of zero bytes that cost no disk
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EpssReader().read(huge, p -> {}))
        .isInstanceOf(io.vigie.core.validation.InvalidInputException.class)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("line longer than 4096");
  }
}
