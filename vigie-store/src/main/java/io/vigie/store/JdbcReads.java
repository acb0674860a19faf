package io.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read queries in plain JDBC, for what a scan asks of the database: whether it holds data and how
 * old, the names of the packages advisories cover, a package's advisories, KEV and EPSS for the
 * findings, the CSAF product keys and the VEX decisions. The rest of the store uses Jdbi.
 *
 * <p>Why not Jdbi here: a scan is a process of about a second, and Jdbi's first use in a fresh JVM
 * costs a fifth of that (building its configuration registry of mappers and arguments by
 * reflection, then parsing each statement's SQL with its ANTLR grammar), on the thread that opens
 * the database while the other core reads the SBOM. These statements bind only positional
 * parameters and map a handful of columns, which JDBC does as plainly (bench/RESULTS.md, session 5).
 * Thread-safe: each call takes its own connection from the data source and closes it.
 */
public final class JdbcReads {
  /** Maps the current row; called once per row. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource source;

  public JdbcReads(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Every row of {@code sql} run with {@code params} bound in order ({@code ?} placeholders). */
  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    return rows(sql, row, Integer.MAX_VALUE, params);
  }

  /** The first row of {@code sql}, if there is one; the others are not read. */
  public <T> Optional<T> first(String sql, Row<T> row, Object... params) {
    List<T> rows = rows(sql, row, 1, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  private <T> List<T> rows(String sql, Row<T> row, int max, Object... params) {
    try (Connection c = source.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (out.size() < max && rs.next()) {
          out.add(row.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database query failed: " + e.getMessage() + " (" + sql + ")", e);
    }
  }

  /**
   * The rows of {@code sql} (one {@code ?}) run once for each of {@code values}, in order, through
   * one prepared statement. For a lookup of thousands of keys: an IN list of bound parameters is
   * checked value by value against every row it finds (H2 hashes only literal lists), so that 500
   * names cost 500 comparisons a row, where one equality lookup a key costs none.
   */
  public <T> List<T> listEach(String sql, Row<T> row, Iterable<?> values) {
    List<List<?>> runs = new ArrayList<>();
    values.forEach(v -> runs.add(java.util.Collections.singletonList(v)));
    return listEachOf(sql, row, runs);
  }

  /** {@link #listEach} for a key of several columns: each run binds its list's values in order. */
  public <T> List<T> listEachOf(String sql, Row<T> row, Iterable<? extends List<?>> runs) {
    try (Connection c = source.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      List<T> out = new ArrayList<>();
      for (List<?> params : runs) {
        for (int i = 0; i < params.size(); i++) {
          st.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(row.map(rs));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("database query failed: " + e.getMessage() + " (" + sql + ")", e);
    }
  }

  /**
   * The rows of {@code sql}, whose one {@code ?} is bound to {@code texts} as an SQL array of
   * VARCHAR: for {@code JOIN UNNEST(?) AS k(v) ON …}, a lookup of any number of keys in one
   * statement, which H2 and PostgreSQL both answer through the index key by key (an IN list of
   * parameters H2 checks value by value on every row it reads, {@link #listEach} says).
   */
  public <T> List<T> listJoining(String sql, Row<T> row, java.util.Collection<String> texts) {
    try (Connection c = source.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      java.sql.Array array = c.createArrayOf("VARCHAR", texts.toArray());
      try {
        st.setArray(1, array);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(row.map(rs));
          }
        }
        return out;
      } finally {
        array.free();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database query failed: " + e.getMessage() + " (" + sql + ")", e);
    }
  }

  /** {@code ?, ?, …}: {@code n} placeholders for an IN list. */
  public static String placeholders(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return "?" + ", ?".repeat(n - 1);
  }
}
