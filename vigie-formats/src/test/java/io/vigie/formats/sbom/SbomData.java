package io.vigie.formats.sbom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real SBOMs in ../shared/data/sbom, found from the repository root that surefire passes in. */
final class SbomData {
  private SbomData() {}

  static Path root() {
    String repo = System.getProperty("vigie.repo.root");
    if (repo == null) {
      fail("system property vigie.repo.root is not set; run the tests through Maven (surefire sets it)");
    }
    Path data = Path.of(repo).resolve("../shared/data/sbom").normalize();
    if (!Files.isDirectory(data)) {
      fail("test data missing: " + data + " (the shared data folder must sit beside the repository)");
    }
    return data;
  }

  static Path file(String relative) {
    Path p = root().resolve(relative);
    if (!Files.isRegularFile(p)) {
      fail("test data file missing: " + p);
    }
    return p;
  }

  /** Files under {@code folder} whose names end with one of {@code suffixes}, sorted. */
  static List<Path> files(String folder, String... suffixes) {
    try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
      List<Path> found = walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted().toList();
      if (found.isEmpty()) {
        fail("no " + String.join("/", suffixes) + " files under " + folder);
      }
      return found;
    } catch (IOException e) {
      throw new AssertionError("cannot list " + folder, e);
    }
  }
}
