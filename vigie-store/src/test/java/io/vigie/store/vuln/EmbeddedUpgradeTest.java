package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.store.DatabaseLocation;
import io.vigie.store.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema change of the embedded database is all or nothing, although H2 commits each DDL
 * statement on its own: a migration that fails half-way, or a process killed during one, leaves
 * the data as it was before; a database still in use is never touched; a creation cut short is
 * started again. ({@link EmbeddedUpgrade} says why.)
 */
class EmbeddedUpgradeTest {
  @TempDir Path dir;

  private DatabaseStatus importedDatabase() {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.importOsv(SharedData.folder().resolve("osv/GHSA-sample"));
      db.importKev(SharedData.folder().resolve("cisa-kev/known_exploited_vulnerabilities.json"));
      return db.status();
    }
  }

  /** The built-in migrations plus one that fails after H2 has committed two of its statements. */
  private static Migrations withAFailingMigration() {
    List<String> names = new ArrayList<>(Migrations.builtIn().migrationNames());
    names.add("V9001__test_fails_half_way.sql");
    return new Migrations(List.of("classpath:db/migration", "classpath:db/test-failing-migration"), names);
  }

  private Connection plainConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("vulndb"), "sa", "");
  }

  private List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = plainConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
            + " ORDER BY table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }

  private List<String> filesLeft() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("vulndb.mv.db")).sorted().toList();
    }
  }

  @Test
  void aMigrationThatFailsHalfWayLeavesTheDatabaseAsItWas() throws Exception {
    DatabaseStatus before = importedDatabase();
    List<String> tablesBefore = tables();
    assertThat(tablesBefore).contains("kev").doesNotContain("test_half_done");

    assertThatThrownBy(() -> VulnerabilityDatabase.open(new DatabaseLocation.DataFolder(dir), Clock.systemUTC(),
        withAFailingMigration()))
        .hasMessageContaining("schema upgrade of " + dir.resolve("vulndb.mv.db"))
        .hasMessageContaining("put back as it was before the upgrade");

    // H2 had committed CREATE TABLE test_half_done and DROP TABLE kev before the failing statement.
    assertThat(tables()).isEqualTo(tablesBefore);
    // H2's own log of the failed statement (vulndb.trace.db) stays, as it should.
    assertThat(filesLeft()).as("no copy or marker left behind")
        .doesNotContain(EmbeddedUpgrade.BACKUP, EmbeddedUpgrade.PARTIAL, EmbeddedUpgrade.CREATING);
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.migratedOnOpen()).as("the schema is the one this Vigie knows, nothing to redo").isFalse();
      assertThat(db.status()).isEqualTo(before);
      assertThat(db.kevEntry("CVE-2021-44228")).isPresent();
    }
  }

  @Test
  void anUpgradeThatWorksLeavesNoCopyBehind() throws Exception {
    DatabaseStatus before = importedDatabase();
    // A newer Vigie: one migration more than this database has.
    List<String> names = new ArrayList<>(Migrations.builtIn().migrationNames());
    names.add("V9000__test_newer_vigie.sql");
    Migrations newer = new Migrations(List.of("classpath:db/migration", "classpath:db/test-migration"), names);

    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(new DatabaseLocation.DataFolder(dir), Clock.systemUTC(),
        newer)) {
      assertThat(db.migratedOnOpen()).isTrue();
      assertThat(db.upgradedOnOpen()).as("a command tells the user why this run was slower").isTrue();
      assertThat(db.status()).isEqualTo(before);
    }
    assertThat(tables()).contains("test_newer_vigie", "kev");
    assertThat(filesLeft()).isEmpty();
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(new DatabaseLocation.DataFolder(dir), Clock.systemUTC(),
        newer)) {
      assertThat(db.upgradedOnOpen()).as("once").isFalse();
    }
  }

  @Test
  void anUpgradeLeavesTheFileWithoutThePagesItReplaced() throws Exception {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.importOsv(SharedData.folder().resolve("osv/AlmaLinux-all.zip"), SharedData.folder().resolve("osv/PyPI-all.zip"));
      db.compactAndClose();
    }
    // The database as the Vigie before V8 left it: V8's index and V9's pairs undone (V7's names
    // back), both and what came after out of the history.
    try (Connection c = plainConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("DROP INDEX affected_package_lookup");
      st.executeUpdate("CREATE INDEX affected_package_name ON affected_package (package_name, ecosystem)");
      st.executeUpdate("CREATE TABLE known_package (package_name VARCHAR(1000) NOT NULL,"
          + " CONSTRAINT known_package_pk PRIMARY KEY (package_name))");
      st.executeUpdate("INSERT INTO known_package (package_name) SELECT DISTINCT package_name FROM affected_package");
      st.executeUpdate("DROP TABLE package_ecosystem");
      st.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INTEGER) >= 8");
    }
    Path file = dir.resolve("vulndb.mv.db");
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.upgradedOnOpen()).isTrue();
      assertThat(db.advisoriesFor("PyPI", "django")).isNotEmpty();
    }
    long upgraded = Files.size(file);
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.compactAndClose();
    }
    // Compacted by the upgrade already: compacting again finds next to nothing to drop (without it
    // the file kept the replaced pages: 60 MB against 16 MB for this data).
    assertThat(upgraded).isLessThan(Files.size(file) * 11 / 10);
  }

  @Test
  void aProcessKilledDuringAnUpgradeIsUndoneAtTheNextOpen() throws Exception {
    DatabaseStatus before = importedDatabase();
    List<String> tablesBefore = tables();
    // What a process killed in the middle of an upgrade leaves: the copy it made first, and a
    // database file holding the first statements of the migration (H2 committed each).
    Files.copy(dir.resolve("vulndb.mv.db"), dir.resolve(EmbeddedUpgrade.BACKUP));
    try (Connection c = plainConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE csaf_document_v6 (id INTEGER)");
      st.executeUpdate("DROP TABLE kev");
    }

    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.status()).isEqualTo(before);
      assertThat(db.kevEntry("CVE-2021-44228")).isPresent();
    }
    assertThat(tables()).isEqualTo(tablesBefore);
    assertThat(filesLeft()).isEmpty();
  }

  @Test
  void aDatabaseInUseIsNeverReplaced() throws Exception {
    DatabaseStatus before = importedDatabase();
    try (VulnerabilityDatabase holder = VulnerabilityDatabase.open(dir)) {
      Files.writeString(dir.resolve(EmbeddedUpgrade.BACKUP), "not a database: never to be put in place of one in use");
      // A second open while this process holds the database (H2's lock on the file): the copy is
      // taken for an upgrade under way, not an interrupted one, and left alone.
      try (VulnerabilityDatabase second = VulnerabilityDatabase.open(dir)) {
        assertThat(second.status()).isEqualTo(before);
      }
      assertThat(holder.status()).isEqualTo(before);
      assertThat(dir.resolve(EmbeddedUpgrade.BACKUP)).exists();
    }
  }

  @Test
  void aCreationCutShortIsStartedAgain() throws Exception {
    // A first open killed while Flyway created the schema: a file with part of it, no history.
    try (Connection c = plainConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE advisory (id VARCHAR(200))");
    }
    Files.write(dir.resolve(EmbeddedUpgrade.CREATING), new byte[0]);

    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.migratedOnOpen()).isTrue();
      db.importOsv(SharedData.folder().resolve("osv/GHSA-sample"));
      assertThat(db.status().advisories()).isEqualTo(7);
    }
    assertThat(filesLeft()).isEmpty();
  }

  @Test
  void aNewDatabaseLeavesNoErrorTraceBeside() throws Exception {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.migratedOnOpen()).isTrue();
    }
    // H2 logs a failed statement in vulndb.trace.db; asking a new file for its history was one.
    assertThat(filesLeft()).isEmpty();
  }
}
