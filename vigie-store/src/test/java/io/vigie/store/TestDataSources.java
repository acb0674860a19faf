package io.vigie.store;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A plain data source for a location, for tests that prepare a database without Vigie's open. */
public final class TestDataSources {
  private TestDataSources() {}

  public static DataSource of(DatabaseLocation location) {
    if (location instanceof DatabaseLocation.PostgresServer server) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(server.url());
      server.user().ifPresent(ds::setUser);
      server.password().ifPresent(ds::setPassword);
      return ds;
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + ((DatabaseLocation.DataFolder) location).folder().toAbsolutePath().resolve("vulndb"));
    ds.setUser("sa");
    return ds;
  }
}
