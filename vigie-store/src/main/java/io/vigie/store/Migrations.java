package io.vigie.store;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database to the schema this code was built with, cheaply when it is already there.
 *
 * <p>Flyway's migrate scans the classpath, loads its plugins, checksums every migration and locks
 * the history table: about 0.55 s of CPU in a cold C1-only JVM, against 0.04 s for the check
 * below (bench/RESULTS.md, bench/db-open.sh). Most opens find
 * the schema up to date, so {@link #bringUpToDate} first reads the applied versions from {@code
 * flyway_schema_history} (one query) and compares them with the migrations listed at build time in
 * {@code db/migrations.txt}; Flyway runs only when the database is new, behind, or has a failed
 * migration. A database newer than the code is refused before Flyway sees it.
 *
 * <p>What the fast path does not do: verify the checksums of applied migrations (Flyway's validate).
 * It runs whenever a migration is applied; an applied migration edited afterwards goes unnoticed
 * until then, which is why migrations are never edited once merged (see V1's header).
 */
public final class Migrations {

  private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

  private final List<String> flywayLocations;
  private final List<String> migrationNames;

  /** Migrations in these Flyway locations, whose file names are {@code migrationNames}. */
  public Migrations(List<String> flywayLocations, List<String> migrationNames) {
    this.flywayLocations = List.copyOf(flywayLocations);
    this.migrationNames = List.copyOf(migrationNames);
    if (this.migrationNames.isEmpty()) {
      throw new IllegalArgumentException("no migration");
    }
  }

  /** The migrations of {@code classpath:db/migration}, as listed in {@code db/migrations.txt}. */
  public static Migrations builtIn() {
    return new Migrations(List.of("classpath:db/migration"), index("db/migrations.txt"));
  }

  /** The file names in a build-time index (one a line), read from the classpath. */
  static List<String> index(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: it is written by the"
            + " build (vigie-store's pom, maven-antrun-plugin); build with Maven");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file names of the migrations, {@code V<version>__<words>.sql}. */
  public List<String> migrationNames() {
    return migrationNames;
  }

  /** The highest version among the migrations: what an up-to-date database has applied. */
  public Version latest() {
    return migrationNames.stream().map(Migrations::versionOf).max(Comparator.naturalOrder()).orElseThrow();
  }

  static Version versionOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalStateException("not a versioned migration name (V<n>__<words>.sql): " + fileName);
    }
    return Version.parse(m.group(1));
  }

  /**
   * Migrates the database unless it is already at {@link #latest()}.
   *
   * @param connection a connection to the database, to read the history with (left open)
   * @param dataSource what Flyway connects through when it must run
   * @param where the database as shown to people, for the messages
   * @return true if Flyway ran
   * @throws InvalidInputException if the database holds a newer schema than this code knows
   */
  public boolean bringUpToDate(Connection connection, DataSource dataSource, String where) throws SQLException {
    if (upToDate(applied(connection), where)) {
      return false;
    }
    migrate(dataSource, where);
    return true;
  }

  /**
   * Whether a database whose history says {@code applied} (empty: no history, a new database)
   * needs no migration.
   *
   * @throws InvalidInputException if it holds a newer schema than this code knows
   */
  public boolean upToDate(Optional<Applied> applied, String where) {
    Version latest = latest();
    if (applied.isPresent() && applied.get().highest().compareTo(latest) > 0) {
      throw new InvalidInputException(Problem.at("database", "the database at " + where
          + " has schema version " + applied.get().highest() + ", newer than this Vigie knows ("
          + latest + "): it was written by a newer Vigie. Use that version (or newer), or another"
          + " database; Vigie never downgrades a schema"));
    }
    return applied.isPresent() && !applied.get().anyFailed() && applied.get().highest().equals(latest);
  }

  /**
   * Runs Flyway: applies what the database lacks, after checking the applied migrations against
   * these.
   *
   * @throws InvalidInputException if an applied migration differs from the one this code ships
   */
  public void migrate(DataSource dataSource, String where) {
    try {
      Flyway.configure().dataSource(dataSource).locations(flywayLocations.toArray(String[]::new))
          .load().migrate();
    } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
      // A migration applied to this database differs from the one this Vigie ships: the database
      // was made by another build. Say what to do instead of printing Flyway's trace.
      throw new InvalidInputException(Problem.at("database", "the database at " + where
          + " was created by a Vigie build whose schema differs from this one (" + firstLine(e.getMessage())
          + "): its data cannot be trusted to match. Delete it and import the feeds again (vigie db import,"
          + " vigie db update); VEX decisions can be exported first with the build that made it (vigie vex export)"));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "schema history does not match";
    }
    String[] lines = message.strip().split("\\R");
    return lines.length > 1 ? lines[1].strip() : lines[0].strip();
  }

  /**
   * The versions applied, or empty when the history cannot be read: no such table (a new
   * database), or anything else, which Flyway will then meet and report in its own words.
   */
  public static Optional<Applied> applied(Connection connection) {
    // One plain query, not the JDBC metadata (H2 answers getTables through INFORMATION_SCHEMA, which
    // costs more than the query itself). Flyway creates the table quoted in lower case in the
    // connection's current schema. The connection is in auto-commit, so a failed statement aborts
    // no PostgreSQL transaction.
    List<Version> versions = new ArrayList<>();
    boolean failed = false;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
      while (rs.next()) {
        String version = rs.getString(1);
        boolean success = rs.getBoolean(2);
        failed |= !success;
        if (version != null && success) {
          versions.add(Version.parse(version));
        }
      }
    } catch (SQLException noHistory) {
      return Optional.empty();
    }
    return Optional.of(new Applied(versions.stream().max(Comparator.naturalOrder()).orElse(Version.NONE), failed));
  }

  /** What the history table says: the highest successful version, and whether any row failed. */
  public record Applied(Version highest, boolean anyFailed) {}

  /** A Flyway version, {@code 2} or {@code 2.1} (file name {@code V2_1__…}), compared part by part. */
  public record Version(List<Long> parts) implements Comparable<Version> {
    static final Version NONE = new Version(List.of(0L));

    public Version {
      parts = List.copyOf(parts);
    }

    public static Version parse(String text) {
      return new Version(Arrays.stream(text.split("[._]")).map(Long::valueOf).toList());
    }

    @Override
    public int compareTo(Version other) {
      for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
        long a = i < parts.size() ? parts.get(i) : 0;
        long b = i < other.parts.size() ? other.parts.get(i) : 0;
        if (a != b) {
          return Long.compare(a, b);
        }
      }
      return 0;
    }

    /** Equal as versions: {@code 2} and {@code 2.0} are one. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
      List<Long> trimmed = new ArrayList<>(parts);
      while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1) == 0) {
        trimmed.remove(trimmed.size() - 1);
      }
      return Objects.hash(trimmed);
    }

    @Override
    public String toString() {
      return String.join(".", parts.stream().map(String::valueOf).toList());
    }
  }
}
