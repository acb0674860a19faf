package io.vigie.formats.vuln;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data folder (../shared/data beside the repository), never copied in. */
final class SharedData {
  private SharedData() {}

  static Path folder() {
    String root = System.getProperty("vigie.repo.root");
    if (root == null) {
      fail("system property vigie.repo.root is not set: run the tests through Maven");
    }
    Path data = Path.of(root).resolve("../shared/data").normalize();
    if (!Files.isDirectory(data.resolve("osv"))) {
      fail("the shared test data is missing: expected " + data + "/osv (see shared/data/README.md)");
    }
    return data;
  }
}
