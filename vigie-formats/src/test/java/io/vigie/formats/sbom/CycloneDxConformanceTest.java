package io.vigie.formats.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.validation.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX specification's own conformance documents: every valid one for 1.4–1.6 must read
 * without a warning, and every invalid one must be refused as the schema requires, or, when all it
 * breaks is a value's format (a date, a URL, an e-mail address: nothing Vigie matches on), read with
 * a warning that names the field. 1.7 documents must all be refused (clearly) since the library does
 * not know 1.7.
 */
class CycloneDxConformanceTest {
  private static final String ZIP = "cyclonedx-spec-testdata/cyclonedx-test-resources-1.4-1.7.zip";

  private record Doc(String name, byte[] bytes) {
    boolean valid() {
      return name.contains("/valid-");
    }

    String version() {
      return name.substring(0, 3);
    }
  }

  private static List<Doc> docs() throws IOException {
    List<Doc> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(SbomData.file(ZIP).toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String n = e.getName();
        if (!e.isDirectory() && (n.endsWith(".json") || n.endsWith(".xml"))) {
          out.add(new Doc(n, zip.getInputStream(e).readAllBytes()));
        }
      }
    }
    return out;
  }

  @Test
  void readsEveryValidDocumentOf14To16AndRefusesEveryInvalidOne() throws IOException {
    CycloneDxReader reader = new CycloneDxReader();
    List<String> validRefused = new ArrayList<>();
    List<String> invalidRead = new ArrayList<>();
    List<String> warned = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (Doc d : docs()) {
      if (d.version().equals("1.7")) {
        continue;
      }
      boolean read;
      try {
        io.vigie.core.sbom.Sbom sbom = reader.read(d.bytes(), d.name());
        read = sbom.warnings().isEmpty();
        if (d.valid() && !read) {
          validRefused.add(d.name() + ": warned " + sbom.warnings());
        }
        if (!d.valid() && !read) {
          warned.add(d.name() + " " + sbom.warnings().get(0).field());
        }
      } catch (InvalidInputException e) {
        read = false;
        if (d.valid()) {
          validRefused.add(d.name() + ": " + e.getMessage());
        }
      }
      if (d.valid()) {
        valid++;
      } else {
        invalid++;
        if (read) {
          invalidRead.add(d.name());
        }
      }
    }
    assertThat(validRefused).isEmpty();
    assertThat(valid).isEqualTo(226);
    // Measured: the schema validation catches all 144 invalid 1.4–1.6 documents (the library's
    // parser alone would have accepted 108 of them).
    assertThat(invalid).isEqualTo(144);
    assertThat(invalidRead).as("invalid documents read without a warning").isEmpty();
    // The three whose only fault is a timestamp that is not an RFC 3339 date-time.
    assertThat(warned).containsExactlyInAnyOrder("1.4/invalid-metadata-timestamp-1.4.json /metadata/timestamp",
        "1.5/invalid-metadata-timestamp-1.5.json /metadata/timestamp",
        "1.6/invalid-metadata-timestamp-1.6.json /metadata/timestamp");
  }

  @Test
  void refusesEvery17DocumentAndEveryValidOneWithTheClearMessage() throws IOException {
    CycloneDxReader reader = new CycloneDxReader();
    int refused = 0;
    int validRefusedClearly = 0;
    for (Doc d : docs()) {
      if (d.version().equals("1.7")) {
        try {
          reader.read(d.bytes(), d.name());
        } catch (InvalidInputException e) {
          refused++;
          if (d.valid() && e.getMessage().contains("CycloneDX 1.7 is not supported yet")) {
            validRefusedClearly++;
          }
        }
      }
    }
    assertThat(refused).isEqualTo(183);
    assertThat(validRefusedClearly).isEqualTo(124);
  }
}
