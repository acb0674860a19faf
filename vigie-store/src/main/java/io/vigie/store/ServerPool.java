package io.vigie.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import java.sql.SQLException;

/**
 * Connections to a PostgreSQL server, pooled: each new one costs a TCP round trip, a backend
 * process and a SCRAM exchange, and a scan runs one query per known package.
 */
public final class ServerPool {
  private ServerPool() {}

  /** A few connections: one process's queries, not a server's worth of clients. */
  private static final int MAX_CONNECTIONS = 4;

  /**
   * Opens a pool and its first connection, so a wrong URL, user or password fails here.
   *
   * @throws InvalidInputException if the server cannot be reached or refuses the login
   */
  public static HikariDataSource open(DatabaseLocation.PostgresServer server) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.url());
    server.user().ifPresent(config::setUsername);
    server.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setPoolName("vigie-db");
    // Batched INSERTs sent as multi-row statements: the driver's documented speed-up for imports.
    // A user's URL may still turn it off (?reWriteBatchedInserts=false wins over this default).
    if (!server.url().contains("reWriteBatchedInserts")) {
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw unreachable(server, e.getCause() instanceof SQLException sql ? sql : e);
    }
  }

  /** A failed connection as a message a person can act on, without the password. */
  public static InvalidInputException unreachable(DatabaseLocation.PostgresServer server, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new InvalidInputException(Problem.at("database", "cannot open the PostgreSQL database "
        + server.display() + ": " + DatabaseLocation.masked(why)));
  }
}
