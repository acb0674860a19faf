package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "An interrupted import leaves the previous database usable" (issue 3), tested the hard way: a
 * second JVM imports the AlmaLinux archive into a database that already holds the Go advisories,
 * and is killed with SIGKILL in the middle (no shutdown hook, no rollback call, a half-written
 * file). Reopening must give exactly the previous data, and a new import must work on it.
 */
class KilledImportTest {

  @Test
  void aProcessKilledInTheMiddleOfAnImportLeavesThePreviousDataUsable(@TempDir Path dir) throws Exception {
    Path data = SharedData.folder().resolve("osv");
    DatabaseStatus before;
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.importOsv(data.resolve("Go-all.zip"));
      before = db.status();
    }

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ImportThenWait.class.getName(),
        dir.toString(), data.resolve("AlmaLinux-all.zip").toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean midway = false;
      while ((line = out.readLine()) != null) {
        // Progress comes every 1,000 records; 3,000 of the 5,680 is well inside the transaction.
        if (line.contains("3000 records")) {
          midway = true;
          break;
        }
      }
      assertThat(midway).as("the child reported progress before it was killed").isTrue();
      // H2 writes uncommitted pages to the file in the background about once a second: wait for
      // that, so the kill leaves a file holding half an import, the case that matters.
      Thread.sleep(2500);
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      DatabaseStatus after = db.status();
      assertThat(after.advisories()).isEqualTo(before.advisories());
      assertThat(after.affectedPackagesByEcosystem()).isEqualTo(before.affectedPackagesByEcosystem());
      assertThat(after.latestImports()).isEqualTo(before.latestImports());
      assertThat(db.advisoriesFor("Go", "github.com/dgrijalva/jwt-go")).isNotEmpty();

      ImportResult again = db.importOsv(data.resolve("crates.io-all.zip"));
      assertThat(again.records()).isGreaterThan(700);
      assertThat(db.status().affectedPackagesByEcosystem()).containsKey("crates.io");
    }
  }

  /** The child: imports with progress on stdout, so the parent knows when to kill it. */
  public static final class ImportThenWait {
    public static void main(String[] args) {
      try (VulnerabilityDatabase db = VulnerabilityDatabase.open(Path.of(args[0]))) {
        db.importOsv(message -> {
          System.out.println(message);
          System.out.flush();
          if (message.contains("3000 records")) {
            sleepForever(); // hold the transaction open until killed
          }
        }, Path.of(args[1]));
      }
    }

    private static void sleepForever() {
      try {
        Thread.sleep(600_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
