package io.vigie.store.vuln;

import io.vigie.store.DatabaseLocation;
import io.vigie.store.PostgresTestServer;
import org.junit.jupiter.api.AfterAll;

/** CSAF publisher identity on a real PostgreSQL server ({@code $VIGIE_TEST_POSTGRES_URL}): a schema per database. */
class PostgresCsafPublisherIdentityTest extends CsafPublisherIdentityTest {
  private PostgresTestServer server;

  @AfterAll
  void dropSchemas() {
    if (server != null) {
      server.dropSchemas();
    }
  }

  @Override
  DatabaseLocation location(String name) {
    if (server == null) {
      server = PostgresTestServer.fromEnvironment();
    }
    return server.freshSchema(name);
  }
}
