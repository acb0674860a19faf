package io.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

  @Test
  void aPathIsADataFolder() {
    assertThat(DatabaseLocation.parse("/var/lib/vigie/db", Map.of()))
        .isEqualTo(new DatabaseLocation.DataFolder(Path.of("/var/lib/vigie/db")));
  }

  @Test
  void aPostgresUrlTakesItsUserAndPasswordFromTheEnvironment() {
    DatabaseLocation l = DatabaseLocation.parse("jdbc:postgresql://db.example:5432/vigie",
        Map.of("VIGIE_DB_USER", "scanner", "VIGIE_DB_PASSWORD", "s3cret"));
    assertThat(l).isEqualTo(new DatabaseLocation.PostgresServer("jdbc:postgresql://db.example:5432/vigie",
        Optional.of("scanner"), Optional.of("s3cret")));
    assertThat(l.display()).isEqualTo("jdbc:postgresql://db.example:5432/vigie");
    assertThat(l.toString()).doesNotContain("s3cret").contains("password=***");
  }

  @Test
  void withoutAPasswordVariableTheDriverReadsThePasswordFile() {
    DatabaseLocation.PostgresServer l = (DatabaseLocation.PostgresServer)
        DatabaseLocation.parse("jdbc:postgresql://localhost/vigie", Map.of("VIGIE_DB_PASSWORD", " "));
    assertThat(l.password()).isEmpty();
    assertThat(l.user()).isEmpty();
  }

  @Test
  void anotherDatabasesUrlIsRefusedWithoutEchoingItsPassword() {
    assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:mysql://h/db?user=a&password=hunter2", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("jdbc:postgresql://host:port/database")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void everyFormOfPasswordInAUrlIsMasked() {
    assertThat(DatabaseLocation.masked("jdbc:postgresql://h:5432/db?user=a&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=a&password=***&ssl=true");
    assertThat(DatabaseLocation.masked("jdbc:postgresql://h/db?PASSWORD=x%26y"))
        .isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
    assertThat(DatabaseLocation.masked("jdbc:postgresql://h/db?sslpassword=k&sslmode=verify-full"))
        .isEqualTo("jdbc:postgresql://h/db?sslpassword=***&sslmode=verify-full");
    assertThat(DatabaseLocation.masked("jdbc:postgresql://alice:hunter2@h:5432/db"))
        .isEqualTo("jdbc:postgresql://alice:***@h:5432/db");
    assertThat(DatabaseLocation.hasPasswordInUrl("jdbc:postgresql://h/db?user=a")).isFalse();
    assertThat(DatabaseLocation.hasPasswordInUrl("jdbc:postgresql://h/db?user=a&password=")).isTrue();
    assertThat(DatabaseLocation.parse("jdbc:postgresql://h/db?password=hunter2", Map.of()).display())
        .doesNotContain("hunter2");
  }
}
