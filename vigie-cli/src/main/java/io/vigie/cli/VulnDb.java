package io.vigie.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The vulnerability database's folder, shared by the commands that use it (a picocli mixin). */
final class VulnDb {
  @Option(names = "--db", paramLabel = "DIR",
      description = "The vulnerability database folder (default: $VIGIE_DB, else ~/.vigie/db).")
  Path dir;

  Path folder() {
    if (dir != null) {
      return dir;
    }
    String env = System.getenv("VIGIE_DB");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".vigie", "db");
  }
}
