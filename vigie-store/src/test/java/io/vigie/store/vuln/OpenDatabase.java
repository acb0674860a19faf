package io.vigie.store.vuln;

import io.vigie.store.DatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;

/**
 * Whole-process measurement of opening an up-to-date database, for bench/db-open.sh: {@code
 * OpenDatabase fast <dataDir>} opens it as Vigie does now (read the history table, no Flyway);
 * {@code OpenDatabase flyway <dataDir>} does what open() did before (Flyway's migrate on every
 * open, then a connection). Each prints the time the open took inside the process. Not a test.
 */
public final class OpenDatabase {
  private OpenDatabase() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    if (args[0].equals("flyway")) {
      String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("vulndb");
      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        System.out.printf("flyway open: %.0f ms wall, %.0f ms CPU (all threads)%n", (System.nanoTime() - start) / 1e6,
            (os.getProcessCpuTime() - cpu) / 1e6);
      }
    } else {
      try (VulnerabilityDatabase db = VulnerabilityDatabase.open(new DatabaseLocation.DataFolder(dir))) {
        System.out.printf("fast open: %.0f ms wall, %.0f ms CPU (all threads), migrated: %s%n",
            (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, db.migratedOnOpen());
      }
    }
  }
}
