package io.vigie.store.vuln;

import io.vigie.store.DatabaseLocation;

/** CSAF publisher identity on embedded H2: one data folder per database. */
class H2CsafPublisherIdentityTest extends CsafPublisherIdentityTest {

  @Override
  DatabaseLocation location(String name) {
    return new DatabaseLocation.DataFolder(files.resolve("db-" + name));
  }
}
