package io.vigie.cli;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.store.DatabaseLocation;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The vulnerability database, shared by the commands that use it (a picocli mixin): a data folder
 * (embedded H2) or a PostgreSQL URL, from {@code --db}, else {@code $VIGIE_DB}, else {@code
 * ~/.vigie/db}. The server's password comes from {@code $VIGIE_DB_PASSWORD} or the libpq password
 * file ({@code $PGPASSFILE}, {@code ~/.pgpass}); one written into {@code --db} is refused, because
 * every user of the machine sees a command line through {@code ps}.
 */
final class VulnDb {
  @Option(names = "--db", paramLabel = "DIR|URL",
      description = {"The vulnerability database: a data folder, or jdbc:postgresql://host:port/database "
          + "(default: $VIGIE_DB, else ~/.vigie/db). The PostgreSQL user comes from the URL (user=) or "
          + "$VIGIE_DB_USER, the password from $VIGIE_DB_PASSWORD or ~/.pgpass ($PGPASSFILE)."})
  String db;

  /** Where the database is, from the option or the environment. */
  DatabaseLocation location() {
    return location(db, System.getenv());
  }

  static DatabaseLocation location(String option, Map<String, String> env) {
    if (option != null) {
      if (DatabaseLocation.hasPasswordInUrl(option)) {
        throw new InvalidInputException(Problem.at("--db", "the URL holds a password, which every user of"
            + " this machine can read on the command line (ps): remove it from the URL and put it in"
            + " $VIGIE_DB_PASSWORD or a password file (~/.pgpass, or $PGPASSFILE)"));
      }
      return DatabaseLocation.parse(option, env);
    }
    String fromEnv = env.get(DatabaseLocation.DB_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return DatabaseLocation.parse(fromEnv, env);
    }
    return new DatabaseLocation.DataFolder(Path.of(System.getProperty("user.home"), ".vigie", "db"));
  }
}
