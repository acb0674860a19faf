package io.vigie.store;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a Vigie database lives: a data folder holding an embedded H2 file (the default, nothing to
 * install) or a PostgreSQL server given by its JDBC URL (the system of record at scale).
 *
 * <p>The password of a server never comes from a command line, which {@code ps} shows to every
 * user of the machine: it comes from {@code $VIGIE_DB_PASSWORD}, or else the PostgreSQL driver
 * looks it up in the libpq password file ({@code $PGPASSFILE}, default {@code ~/.pgpass}). {@link
 * #display()} is the only text of a location meant for people: it never holds a password.
 */
public sealed interface DatabaseLocation {

  /** The environment variable that names the database (a folder or a URL). */
  String DB_VARIABLE = "VIGIE_DB";
  /** The environment variable holding the PostgreSQL user, when the URL has no {@code user=}. */
  String USER_VARIABLE = "VIGIE_DB_USER";
  /** The environment variable holding the PostgreSQL password. */
  String PASSWORD_VARIABLE = "VIGIE_DB_PASSWORD";

  /** What to print: the folder, or the URL with any password masked. */
  String display();

  /** An embedded H2 database in this folder. */
  record DataFolder(Path folder) implements DatabaseLocation {
    public DataFolder {
      Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String display() {
      return folder.toString();
    }
  }

  /**
   * A PostgreSQL database. {@code url} is a {@code jdbc:postgresql:} URL; {@code user} and {@code
   * password}, when present, override the driver's defaults (the URL's {@code user=}, the OS user;
   * the password file).
   */
  record PostgresServer(String url, Optional<String> user, Optional<String> password)
      implements DatabaseLocation {
    public PostgresServer {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (!url.startsWith(POSTGRES_PREFIX)) {
        throw new IllegalArgumentException("not a " + POSTGRES_PREFIX + " URL: " + masked(url));
      }
    }

    @Override
    public String display() {
      return masked(url);
    }

    /** Never the password: records print their fields, and this one may end up in a log. */
    @Override
    public String toString() {
      return "PostgresServer[" + display() + ", user=" + user.orElse("(driver default)")
          + ", password=" + (password.isPresent() ? "***" : "(password file)") + "]";
    }
  }

  String POSTGRES_PREFIX = "jdbc:postgresql:";

  /**
   * A folder, or a {@code jdbc:postgresql:} URL with the user and password taken from {@code env}
   * ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}).
   *
   * @throws InvalidInputException for a JDBC URL of another database
   */
  static DatabaseLocation parse(String text, Map<String, String> env) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith(POSTGRES_PREFIX)) {
      return new PostgresServer(text, nonBlank(env.get(USER_VARIABLE)), nonBlank(env.get(PASSWORD_VARIABLE)));
    }
    if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
      throw new InvalidInputException(Problem.at("database", "expected a data folder or a "
          + "jdbc:postgresql://host:port/database URL, found " + masked(text)
          + " (Vigie runs on embedded H2, in a folder, or on PostgreSQL)"));
    }
    return new DataFolder(Path.of(text));
  }

  /** True when the URL itself carries a password ({@code password=} or {@code //user:secret@}). */
  static boolean hasPasswordInUrl(String url) {
    return !masked(url).equals(url);
  }

  /** The URL with the value of any password parameter or user-info password replaced by {@code ***}. */
  static String masked(String url) {
    String out = Masks.PARAMETER.matcher(url).replaceAll("$1***");
    return Masks.USER_INFO.matcher(out).replaceAll("$1***@");
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Patterns kept out of the interface's public surface. */
  final class Masks {
    private Masks() {}

    /** {@code password=…} (any case, also {@code sslpassword=}) up to the next {@code &}. */
    static final Pattern PARAMETER = Pattern.compile("(?i)([?&][a-z]*password=)[^&]*");
    /** {@code //user:secret@host}: the driver does not read it, but a person may write it. */
    static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*:)[^@/?]*@");
  }
}
