package io.vigie.store.vex;

import io.vigie.core.model.Names;
import io.vigie.core.vex.VexDecisions;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexScope;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import io.vigie.store.JdbcReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The VEX decisions, in the same database as the vulnerability data (table {@code vex_statement},
 * migration V4). Append-only: {@link #record} and {@link #recordAll} insert, nothing updates or
 * deletes, so superseded decisions stay for audit and {@link VexDecisions} picks the one in force.
 * Obtain it from {@code VulnerabilityDatabase.vexStore()}. Thread-safe.
 */
public final class VexStore {
  /** Reads: plain JDBC, since every scan reads the decisions ({@link JdbcReads} says why). */
  private final JdbcReads reads;
  /** Writes: Jdbi, made at the first one. */
  private final Supplier<Jdbi> jdbi;
  private final Clock clock;

  public VexStore(JdbcReads reads, Supplier<Jdbi> jdbi, Clock clock) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void record(VexStatement statement) {
    recordAll(List.of(statement));
  }

  /** Appends every statement in one transaction: an import is kept whole or not at all. */
  public void recordAll(List<VexStatement> statements) {
    List<io.vigie.core.validation.Problem> problems = new java.util.ArrayList<>();
    for (VexStatement s : statements) {
      fits(problems, "vulnerability", s.vulnerability(), 200);
      fits(problems, "component", s.component(), 1000);
      fits(problems, "version", s.componentVersion(), 500);
      fits(problems, "author", s.author(), 300);
      fits(problems, "product", s.scope().product().orElse(""), 300);
      fits(problems, "release", s.scope().release().orElse(""), 200);
      fits(problems, "origin", s.origin(), 2000);
    }
    if (!problems.isEmpty()) {
      throw new io.vigie.core.validation.InvalidInputException(problems);
    }
    jdbi.get().useTransaction(handle -> {
      long next = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM vex_statement").mapTo(Long.class).one();
      OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
      var batch = handle.prepareBatch("INSERT INTO vex_statement (id, vulnerability, component, component_version, status,"
          + " justification, impact, action, author, decided_at, scope_kind, scope_product, scope_release, origin,"
          + " recorded_at) VALUES (:id, :vulnerability, :component, :version, :status, :justification, :impact, :action,"
          + " :author, :decided, :kind, :product, :release, :origin, :recorded)");
      for (VexStatement s : statements) {
        batch.bind("id", next++).bind("vulnerability", s.vulnerability()).bind("component", s.component())
            .bind("version", s.componentVersion()).bind("status", Names.of(s.status()))
            .bind("justification", s.justification().map(Names::of).orElse(null))
            .bind("impact", s.impact().orElse(null)).bind("action", s.action().orElse(null))
            .bind("author", s.author()).bind("decided", s.timestamp().atOffset(ZoneOffset.UTC))
            .bind("kind", Names.of(s.scope().kind())).bind("product", s.scope().product().orElse(null))
            .bind("release", s.scope().release().orElse(null)).bind("origin", s.origin()).bind("recorded", now).add();
      }
      if (batch.size() > 0) {
        batch.execute();
      }
    });
  }

  /** The column sizes of V4__vex.sql: a longer value is refused whole, before anything is written. */
  private static void fits(List<io.vigie.core.validation.Problem> problems, String field, String value, int max) {
    if (value.length() > max) {
      problems.add(io.vigie.core.validation.Problem.at(field, "is " + value.length() + " characters long; at most " + max
          + " are kept (" + value.substring(0, 40) + "…)"));
    }
  }

  /** Every statement ever recorded, oldest first (the order they were recorded in). */
  public List<VexStatement> all() {
    return reads.list("SELECT vulnerability, component, component_version, status, justification, impact, action,"
        + " author, decided_at, scope_kind, scope_product, scope_release, origin FROM vex_statement ORDER BY id",
        VexStore::statement);
  }

  /** The decisions as they stand, for a scan or an export. */
  public VexDecisions decisions() {
    return new VexDecisions(all());
  }

  private static VexStatement statement(ResultSet rs) throws SQLException {
    return new VexStatement(rs.getString(1), rs.getString(2), rs.getString(3),
        Names.parse(VexStatus.class, rs.getString(4)).orElseThrow(),
        Optional.ofNullable(rs.getString(5)).map(j -> VexJustification.parse(j).orElseThrow()),
        Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)), rs.getString(8),
        rs.getObject(9, OffsetDateTime.class).toInstant(),
        new VexScope(Names.parse(VexScope.Kind.class, rs.getString(10)).orElseThrow(),
            Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12))),
        rs.getString(13));
  }
}
