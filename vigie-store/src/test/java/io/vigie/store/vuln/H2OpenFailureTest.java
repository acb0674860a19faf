package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder whose database cannot be opened for a reason of the user's or the machine's gets
 * a message that says which and what to do, never an internal error with H2's trace; and what was
 * stored is left as it was.
 */
class H2OpenFailureTest {
  @TempDir Path dir;

  private Path importedDatabase() {
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      db.importOsv(SharedData.folder().resolve("osv/GHSA-sample"));
    }
    return dir.resolve("vulndb.mv.db");
  }

  @Test
  void aDatabaseAnotherProcessHoldsIsReportedAsInUse() throws IOException {
    Path file = importedDatabase();
    // What another process (an import running beside a scan) holds: H2's lock on the whole file.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertThatThrownBy(() -> VulnerabilityDatabase.open(dir))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("in use by another process")
          .hasMessageContaining("PostgreSQL");
    }
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(dir)) {
      assertThat(db.hasAdvisories()).as("the data is still there once the other process is done").isTrue();
    }
  }

  @Test
  void aFileThatIsNotAnH2DatabaseIsReportedAsDamagedWithWhatToDo() throws IOException {
    Files.writeString(dir.resolve("vulndb.mv.db"), "{\"this\": \"is a JSON file copied over the database\"}\n".repeat(200));
    byte[] before = Files.readAllBytes(dir.resolve("vulndb.mv.db"));

    assertThatThrownBy(() -> VulnerabilityDatabase.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(dir.resolve("vulndb.mv.db").toString())
        .hasMessageContaining("damaged or is not a Vigie (H2 2.x) database")
        .hasMessageContaining("vigie db import");
    assertThat(Files.readAllBytes(dir.resolve("vulndb.mv.db"))).as("the file is not touched").isEqualTo(before);
  }

  @Test
  void aTruncatedDatabaseIsReportedAsDamaged() throws IOException {
    Path file = importedDatabase();
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, 3000));

    assertThatThrownBy(() -> VulnerabilityDatabase.open(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("damaged");
  }
}
