package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.sbom.SbomFormat;
import io.vigie.core.validation.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomReaderTest {
  private static final SbomReader READER = new SbomReader();

  @Test
  void detectsEachFormatFromContentNotTheFileName() throws Exception {
    byte[] cdxJson = Files.readAllBytes(SbomData.file("medical-device-case-study/narrow.sbom.json"));
    byte[] cdxXml = Files.readAllBytes(SbomData.file("cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.xml"));
    byte[] spdxJson = Files.readAllBytes(SbomData.file("spdx-examples/software/example10/spdx2.3/hello-source.spdx.json"));
    byte[] spdxTv = Files.readAllBytes(SbomData.file("spdx-examples/software/example1/spdx2.2/example1.spdx"));

    assertThat(READER.read(cdxJson, "upload.bin").format()).isEqualTo(SbomFormat.CYCLONEDX);
    assertThat(READER.read(cdxXml, "upload.bin").format()).isEqualTo(SbomFormat.CYCLONEDX);
    assertThat(READER.read(spdxJson, "upload.bin").format()).isEqualTo(SbomFormat.SPDX);
    assertThat(READER.read(spdxTv, "upload.bin").specVersion()).isEqualTo("SPDX-2.2");
  }

  @Test
  void refusesJsonThatIsNotAnSbom() {
    assertThatThrownBy(() -> READER.read("{\"name\":\"pump\"}".getBytes(StandardCharsets.UTF_8), "model.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model.json: a JSON document but not an SBOM: it has neither \"bomFormat\" (CycloneDX) nor \"spdxVersion\" (SPDX)");
  }

  @Test
  void refusesTextThatIsNotAnSbom() {
    assertThatThrownBy(() -> READER.read("hello\n".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .hasMessageContaining("notes.txt: not an SBOM");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> READER.read(" \n".getBytes(StandardCharsets.UTF_8), "empty.json"))
        .hasMessageContaining("empty.json: the file is empty");
  }

  @Test
  void refusesSpdx3WithAClearMessage() {
    Path spdx3 = SbomData.file("spdx-examples/software/example10/spdx3.0/hello-source.spdx3.json");
    assertThatThrownBy(() -> READER.read(spdx3)).hasMessageContaining("SPDX 3 (JSON-LD) document: not supported yet");
  }

  @Test
  void locatesTruncatedJsonEvenBeforeItsFormatIsKnown() {
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
        () -> READER.read("{\n  \"components\": [\n    {\"name\": ".getBytes(StandardCharsets.UTF_8), "cut.json"));
    assertThat(e.problems().get(0).line()).isEqualTo(3);
    assertThat(e.problems().get(0).message()).startsWith("not valid JSON");
  }

  @Test
  void refusesAFileOverTheSizeLimitWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path huge = dir.resolve("huge.json");
    try (FileChannel ch = FileChannel.open(huge, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.position(2L * 1024 * 1024 * 1024); // sparse: 2 GiB long, one byte written
      ch.write(ByteBuffer.wrap(new byte[] {'}'}));
    }
    assertThatThrownBy(() -> READER.read(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("huge.json: the file is 2048 MiB; an SBOM is read only up to 512 MiB");
  }

  @Test
  void refusesAMissingFileAndAFolder(@TempDir Path dir) {
    assertThatThrownBy(() -> READER.read(dir.resolve("nope.json"))).hasMessageContaining("no such file");
    assertThatThrownBy(() -> READER.read(dir)).hasMessageContaining("is a folder");
  }
}
