package io.vigie.store.vuln;

import io.vigie.core.vuln.match.PackageCeiling;
import io.vigie.core.vuln.version.AffectedCeiling;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceilings of {@code package_ecosystem} (V10): read from and written to their two columns, and
 * computed from the pairs' stored entries where they are missing: after the migration that adds
 * the columns, and at the start of each import for any an interrupted upgrade left. Plain JDBC on
 * the caller's connection and transaction.
 */
final class PackageCeilings {
  private PackageCeilings() {}

  /** The ceilings of a row; null when either column is (not computed yet). */
  static PackageCeiling read(String ceiling, String unstatedEpoch) {
    return ceiling == null || unstatedEpoch == null ? null
        : new PackageCeiling(AffectedCeiling.decode(ceiling), AffectedCeiling.decode(unstatedEpoch));
  }

  /** The texts of {@code ceiling} for its two columns, in their order: {@code ceiling}, {@code ceiling_unstated_epoch}. */
  static String[] texts(PackageCeiling ceiling) {
    return new String[] {ceiling.asWritten().encode(), ceiling.epochUnstated().encode()};
  }

  /** Rows per batch of updates. */
  private static final int BATCH = 500;

  /** Fills every NULL ceiling; returns how many were filled. */
  static int fillMissing(Connection connection) throws SQLException {
    List<String[]> missing = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(
            "SELECT package_name, ecosystem FROM package_ecosystem WHERE ceiling IS NULL OR ceiling_unstated_epoch IS NULL");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        missing.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    try (PreparedStatement entries = connection.prepareStatement("SELECT advisory_id, ranges_json, versions_json"
            + " FROM affected_package WHERE package_name = ? AND ecosystem = ?");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE package_ecosystem SET ceiling = ?, ceiling_unstated_epoch = ? WHERE package_name = ? AND ecosystem = ?")) {
      int pending = 0;
      for (String[] pair : missing) {
        PackageCeiling ceiling = PackageCeiling.NONE;
        entries.setString(1, pair[0]);
        entries.setString(2, pair[1]);
        try (ResultSet rs = entries.executeQuery()) {
          while (rs.next()) {
            ceiling = ceiling.with(PackageCeiling.of(
                StoredEntry.read(rs.getString(1), pair[1], pair[0], rs.getString(2), rs.getString(3))));
          }
        }
        String[] texts = texts(ceiling);
        update.setString(1, texts[0]);
        update.setString(2, texts[1]);
        update.setString(3, pair[0]);
        update.setString(4, pair[1]);
        update.addBatch();
        if (++pending == BATCH) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
    return missing.size();
  }
}
