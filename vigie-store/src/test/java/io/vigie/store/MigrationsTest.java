package io.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.store.Migrations.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void theBuildTimeIndexListsEveryMigrationOfTheSourceTree() throws IOException {
    Path folder = Path.of(System.getProperty("vigie.repo.root"), "vigie-store/src/main/resources/db/migration");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(Migrations.builtIn().migrationNames())
          .containsExactlyInAnyOrderElementsOf(files.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql")).toList());
    }
  }

  @Test
  void versionsCompareAsNumbersPartByPart() {
    assertThat(Version.parse("10")).isGreaterThan(Version.parse("9"));
    assertThat(Version.parse("2.1")).isGreaterThan(Version.parse("2")).isLessThan(Version.parse("3"));
    assertThat(Version.parse("2_1")).isEqualTo(Version.parse("2.1"));
    assertThat(Version.parse("2.0")).isEqualTo(Version.parse("2")).hasSameHashCodeAs(Version.parse("2"));
    assertThat(Version.parse("20261129120000")).isGreaterThan(Version.parse("5"));
  }

  @Test
  void theLatestIsTheHighestVersionWhateverTheListOrder() {
    Migrations m = new Migrations(java.util.List.of("classpath:x"),
        java.util.List.of("V10__ten.sql", "V2__two.sql", "V9_1__nine_one.sql"));
    assertThat(m.latest()).isEqualTo(Version.parse("10"));
  }

  @Test
  void aFileThatIsNotAVersionedMigrationIsRefused() {
    assertThatThrownBy(() -> Migrations.versionOf("R__repeatable.sql")).hasMessageContaining("V<n>__<words>.sql");
    assertThatThrownBy(() -> Migrations.versionOf("V2_add.sql")).hasMessageContaining("V2_add.sql");
  }
}
