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
        org.jdbi.v3.core.Jdbi.create(url, "sa", ""); // as open() did
        System.out.printf("flyway open: %.0f ms wall, %.0f ms CPU (all threads)%n", (System.nanoTime() - start) / 1e6,
            (os.getProcessCpuTime() - cpu) / 1e6);
      }
    } else if (args[0].equals("phases")) {
      phases(dir, os);
    } else {
      try (VulnerabilityDatabase db = VulnerabilityDatabase.open(new DatabaseLocation.DataFolder(dir))) {
        System.out.printf("fast open: %.0f ms wall, %.0f ms CPU (all threads), migrated: %s%n",
            (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, db.migratedOnOpen());
      }
    }
  }

  /** CPU per step: H2's first connection, the history read, Flyway's migrate on an open database. */
  private static void phases(Path dir, com.sun.management.OperatingSystemMXBean os) throws Exception {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("vulndb");
    long c0 = os.getProcessCpuTime();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      long c1 = os.getProcessCpuTime();
      io.vigie.store.Migrations.applied(c);
      io.vigie.store.Migrations.builtIn().latest();
      long c2 = os.getProcessCpuTime();
      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
      long c3 = os.getProcessCpuTime();
      org.jdbi.v3.core.Jdbi.create(url, "sa", "").withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      long c4 = os.getProcessCpuTime();
      System.out.printf("CPU ms: H2 first connection %d, history read + index %d, Flyway migrate %d, Jdbi first query %d%n",
          (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000, (c3 - c2) / 1_000_000, (c4 - c3) / 1_000_000);
    }
  }
}
