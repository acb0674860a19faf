package io.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcReads}: parameters bound in order, rows mapped, connections returned, failures named. */
class JdbcReadsTest {
  private Connection keepOpen;
  private JdbcReads reads;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:jdbc-reads-" + System.nanoTime());
    source.setUser("sa");
    keepOpen = source.getConnection();
    try (Statement st = keepOpen.createStatement()) {
      st.execute("CREATE TABLE kev (cve_id VARCHAR(30) PRIMARY KEY, vendor VARCHAR(50))");
      st.execute("INSERT INTO kev VALUES ('CVE-2021-44228', 'Apache'), ('CVE-2017-5638', 'Apache'),"
          + " ('CVE-2014-0160', 'OpenSSL')");
    }
    reads = new JdbcReads(source);
  }

  @AfterEach
  void close() throws Exception {
    keepOpen.close();
  }

  @Test
  void bindsParametersInOrderAndMapsEveryRow() {
    assertThat(reads.list("SELECT cve_id FROM kev WHERE vendor = ? AND cve_id IN (" + JdbcReads.placeholders(2) + ")"
        + " ORDER BY cve_id", rs -> rs.getString(1), "Apache", "CVE-2021-44228", "CVE-2014-0160"))
        .containsExactly("CVE-2021-44228");
    assertThat(reads.list("SELECT cve_id FROM kev ORDER BY cve_id", rs -> rs.getString(1)))
        .containsExactly("CVE-2014-0160", "CVE-2017-5638", "CVE-2021-44228");
  }

  @Test
  void firstReadsOneRowAndSaysWhenThereIsNone() {
    assertThat(reads.first("SELECT cve_id FROM kev ORDER BY cve_id", rs -> rs.getString(1))).contains("CVE-2014-0160");
    assertThat(reads.first("SELECT cve_id FROM kev WHERE vendor = ?", rs -> rs.getString(1), "Nobody")).isEmpty();
    assertThat(reads.first("SELECT MAX(vendor) FROM kev WHERE vendor = ?", rs -> rs.getString(1), "Nobody")).isEmpty();
  }

  @Test
  void aParameterIsBoundAsAValueNeverAsSql() {
    assertThat(reads.list("SELECT cve_id FROM kev WHERE vendor = ?", rs -> rs.getString(1), "x' OR '1'='1")).isEmpty();
  }

  @Test
  void aFailedQueryNamesItsStatementAndReturnsTheConnection() throws Exception {
    assertThatThrownBy(() -> reads.list("SELECT nothing FROM kev", rs -> rs.getString(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SELECT nothing FROM kev");
    for (int i = 0; i < 200; i++) {
      reads.first("SELECT cve_id FROM kev", rs -> rs.getString(1));
    }
    try (Statement st = keepOpen.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1); // only the test's own connection is left open
    }
    assertThatThrownBy(() -> JdbcReads.placeholders(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
