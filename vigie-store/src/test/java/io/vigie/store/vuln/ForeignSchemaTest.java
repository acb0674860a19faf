package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written by another build of Vigie, whose applied migration differs from the one this
 * build ships (a development build, an edited migration), is refused with what to do, not with
 * Flyway's stack trace (exit 3), and is left as it was.
 */
class ForeignSchemaTest {

  @Test
  void aMigrationThatDiffersFromTheAppliedOneIsAClearErrorAndTheDatabaseIsLeftAlone(@TempDir Path dir) throws Exception {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.importOsv(SharedData.folder().resolve("osv/GHSA-sample"));
    }
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("vulndb");
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      // As left by another build: V1 applied with another checksum, and this build's last
      // migration not applied yet (so Flyway, not the fast open, has to look).
      s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
      s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" ="
          + " (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
    }

    assertThatThrownBy(() -> VulnerabilityDatabase.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("was created by a Vigie build whose schema differs")
        .hasMessageContaining("version 1")
        .hasMessageContaining("Delete it and import the feeds again");

    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM advisory")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }
}
