package io.vigie.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests run against, from the environment that {@code .ci/postgres.sh}
 * sets: {@code VIGIE_TEST_POSTGRES_URL} ({@code jdbc:postgresql://host:port/db}), {@code
 * VIGIE_TEST_POSTGRES_USER}, {@code VIGIE_TEST_POSTGRES_PASSWORD}. Each database a test asks for is
 * a new schema, named after the test and a random suffix, so concurrent runs never meet.
 *
 * <p>Without the URL the tests are skipped with a message on a developer's machine, and fail when
 * {@code CI} is set: CI must never pass by silently not testing PostgreSQL.
 */
public final class PostgresTestServer {
  public static final String URL_VARIABLE = "VIGIE_TEST_POSTGRES_URL";

  private final String url;
  private final String user;
  private final String password;
  private final List<String> schemas = new ArrayList<>();

  private PostgresTestServer(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The server of the environment; skips (developer) or fails (CI) without one. */
  public static PostgresTestServer fromEnvironment() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String why = URL_VARIABLE + " is not set, so the PostgreSQL tests cannot run (start a server"
          + " with `source .ci/postgres.sh`, see README.md)";
      if (System.getenv("CI") != null) {
        fail(why + "; CI is set, and CI must not skip PostgreSQL");
      }
      System.err.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    return new PostgresTestServer(url, env("VIGIE_TEST_POSTGRES_USER"), env("VIGIE_TEST_POSTGRES_PASSWORD"));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }

  /** A new empty schema, as a location whose connections use it. */
  public DatabaseLocation.PostgresServer freshSchema(String name) {
    String schema = ("t_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_"
        + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(java.util.Locale.ROOT);
    execute("CREATE SCHEMA " + schema);
    schemas.add(schema);
    String separator = url.contains("?") ? "&" : "?";
    return new DatabaseLocation.PostgresServer(url + separator + "currentSchema=" + schema,
        Optional.of(user).filter(s -> !s.isEmpty()), Optional.of(password).filter(s -> !s.isEmpty()));
  }

  /** Drops the schemas this object created. */
  public void dropSchemas() {
    for (String schema : schemas) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    schemas.clear();
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      fail("PostgreSQL at " + DatabaseLocation.masked(url) + ": " + sql + ": " + e.getMessage());
    }
  }
}
