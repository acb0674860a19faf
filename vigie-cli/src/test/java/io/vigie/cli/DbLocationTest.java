package io.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vigie.store.DatabaseLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} and {@code $VIGIE_DB}: a folder or a PostgreSQL URL, and the password kept out of sight. */
class DbLocationTest {
  private static final Path DATA = Path.of(System.getProperty("vigie.repo.root")).resolve("../shared/data").normalize();

  @Test
  void aPasswordOnTheCommandLineIsRefusedAndNotRepeated() {
    Cli r = Cli.run("db", "status", "--db", "jdbc:postgresql://127.0.0.1:5432/vigie?user=scan&password=hunter2");

    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--db").contains("$VIGIE_DB_PASSWORD").contains("ps");
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }

  @Test
  void aPasswordInVigieDbIsAcceptedAndShownMasked() {
    DatabaseLocation l = VulnDb.location(null,
        Map.of("VIGIE_DB", "jdbc:postgresql://db.example/vigie?password=hunter2", "VIGIE_DB_USER", "scan"));

    assertThat(l).isInstanceOf(DatabaseLocation.PostgresServer.class);
    assertThat(l.display()).isEqualTo("jdbc:postgresql://db.example/vigie?password=***");
  }

  @Test
  void theOptionWinsOverTheEnvironmentAndAFolderStaysAFolder() {
    assertThat(VulnDb.location("/srv/vigie/db", Map.of("VIGIE_DB", "jdbc:postgresql://db/vigie")))
        .isEqualTo(new DatabaseLocation.DataFolder(Path.of("/srv/vigie/db")));
    assertThat(VulnDb.location(null, Map.of())).isInstanceOf(DatabaseLocation.DataFolder.class);
  }

  @Test
  void anUnreachableServerIsAClearErrorNotACrash() {
    Cli r = Cli.run("db", "status", "--db", "jdbc:postgresql://127.0.0.1:1/vigie?user=nobody");

    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("cannot open the PostgreSQL database jdbc:postgresql://127.0.0.1:1/vigie")
        .doesNotContain("internal error");
  }

  /**
   * End to end on the test server: import and status through the CLI, the password read from a
   * libpq password file (the driver's {@code org.postgresql.pgpassfile} property stands in for
   * {@code $PGPASSFILE}, which a running JVM cannot set), and never printed.
   */
  @Test
  void importAndStatusOnPostgresqlWithThePasswordFromAPasswordFile(@TempDir Path tmp) throws Exception {
    String url = System.getenv("VIGIE_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      String why = "VIGIE_TEST_POSTGRES_URL is not set (source .ci/postgres.sh, see README.md)";
      if (System.getenv("CI") != null) {
        fail(why + "; CI is set, and CI must not skip PostgreSQL");
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    String user = System.getenv("VIGIE_TEST_POSTGRES_USER");
    String password = System.getenv("VIGIE_TEST_POSTGRES_PASSWORD");
    String schema = "t_cli_" + UUID.randomUUID().toString().substring(0, 8);
    sql(url, user, password, "CREATE SCHEMA " + schema);
    Path passFile = passwordFile(tmp, password);
    String before = System.getProperty("org.postgresql.pgpassfile");
    System.setProperty("org.postgresql.pgpassfile", passFile.toString());
    try {
      String db = url + "?user=" + user + "&currentSchema=" + schema;
      Cli imported = Cli.run("db", "import", "--db", db, "-q", "--osv", DATA.resolve("osv/GHSA-sample").toString());
      assertThat(imported.code()).as(imported.err()).isZero();

      Cli status = Cli.run("db", "status", "--db", db);
      assertThat(status.code()).as(status.err()).isZero();
      assertThat(status.out()).contains("database: " + db).contains("advisories: 7");
      assertThat(status.out() + status.err() + imported.out() + imported.err()).doesNotContain(password);
    } finally {
      if (before == null) {
        System.clearProperty("org.postgresql.pgpassfile");
      } else {
        System.setProperty("org.postgresql.pgpassfile", before);
      }
      sql(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static Path passwordFile(Path dir, String password) throws IOException {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, "*:*:*:*:" + password + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static void sql(String url, String user, String password, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.createStatement().execute(sql);
    }
  }
}
