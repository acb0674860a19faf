package io.vigie.store.vuln;

import io.vigie.store.DatabaseLocation;
import io.vigie.store.PostgresSchemas;
import org.junit.jupiter.api.AfterAll;

/** CSAF publisher identity on a real PostgreSQL server ({@code $VIGIE_TEST_POSTGRES_URL}): a schema per database. */
class PostgresCsafPublisherIdentityTest extends CsafPublisherIdentityTest {
  private final PostgresSchemas schemas = new PostgresSchemas();

  @AfterAll
  void dropSchemas() {
    schemas.dropAll();
  }

  @Override
  DatabaseLocation location(String name) {
    return schemas.fresh(name);
  }
}
