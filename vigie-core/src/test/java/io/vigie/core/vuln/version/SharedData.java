package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/data} beside the repository; never copied into the repo. */
public final class SharedData {
  private SharedData() {}

  public static Path dir(String relative) {
    String root = System.getProperty("vigie.repo.root");
    if (root == null) {
      fail("system property vigie.repo.root is not set: run the tests through Maven (surefire sets it)");
    }
    Path path = Path.of(root).resolve("../shared/data").resolve(relative).normalize();
    if (!Files.exists(path)) {
      fail("shared test data missing: " + path + " (expected ../shared/data next to the repository)");
    }
    return path;
  }
}
