package io.vigie.store;

/**
 * The schemas one PostgreSQL test class creates: the server is looked up on first use (not in a
 * {@code @BeforeAll}, which JUnit would run after the superclass's), and everything is dropped
 * at the end. For the classes that run an H2 suite again on the real server.
 */
public final class PostgresSchemas {
  private PostgresTestServer server;

  /** A new empty schema; skips or fails (CI) the test without a server. */
  public DatabaseLocation fresh(String name) {
    if (server == null) {
      server = PostgresTestServer.fromEnvironment();
    }
    return server.freshSchema(name);
  }

  /** Drops every schema {@link #fresh} made. */
  public void dropAll() {
    if (server != null) {
      server.dropSchemas();
    }
  }
}
