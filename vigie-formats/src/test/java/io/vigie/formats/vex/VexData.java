package io.vigie.formats.vex;

import static org.assertj.core.api.Assertions.fail;

import io.vigie.core.vex.VexScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The CycloneDX VEX examples in ../shared/data, and an import context for tests. */
final class VexData {
  private VexData() {}

  static final VexImport IMPORT = new VexImport(VexScope.productLine("ABC", Optional.of("4.2")), "importer",
      Instant.parse("2026-11-29T00:00:00Z"));

  static Path vexFolder() {
    String repo = System.getProperty("vigie.repo.root");
    if (repo == null) {
      fail("system property vigie.repo.root is not set; run the tests through Maven (surefire sets it)");
    }
    Path dir = Path.of(repo).resolve("../shared/data/sbom/cyclonedx-bom-examples/VEX").normalize();
    if (!Files.isDirectory(dir)) {
      fail("the CycloneDX VEX examples are missing: expected " + dir + " (see ../shared/data/README.md)");
    }
    return dir;
  }

  /** Every JSON file of the examples holding an analysis: the VEX documents. */
  static List<Path> vexDocuments() {
    try (Stream<Path> files = Files.walk(vexFolder())) {
      return files.filter(p -> p.toString().endsWith(".json")).filter(p -> {
        try {
          return Files.readString(p).contains("\"analysis\"");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
