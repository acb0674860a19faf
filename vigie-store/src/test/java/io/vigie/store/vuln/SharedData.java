package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  /** Every OSV set: the five ecosystem archives, then the GHSA folder. */
  static List<Path> osvSets() {
    Path osv = folder().resolve("osv");
    return List.of(
        osv.resolve("Go-all.zip"),
        osv.resolve("PyPI-all.zip"),
        osv.resolve("crates.io-all.zip"),
        osv.resolve("OSS-Fuzz-all.zip"),
        osv.resolve("AlmaLinux-all.zip"),
        osv.resolve("GHSA-sample"));
  }
}
