package io.vigie.core.vuln.version;

import java.util.List;
import java.util.Optional;

/**
 * The answer to "does this OSV {@code affected[]} entry cover this version?", with its reasons:
 * Vigie's matches must say where they come from, and must never turn "could not tell" into "not
 * affected".
 */
public sealed interface AffectedVerdict {

  /** The version is affected; {@code evidence} lists every range or list entry that says so. */
  record Affected(List<Evidence> evidence) implements AffectedVerdict {
    public Affected {
      evidence = List.copyOf(evidence);
      if (evidence.isEmpty()) {
        throw new IllegalArgumentException("an affected verdict names its evidence");
      }
    }
  }

  /** Every range was evaluated and none covers the version, and it is not listed. */
  record NotAffected() implements AffectedVerdict {}

  /**
   * Nothing says "affected", but some range could not be evaluated (a GIT range, an ecosystem
   * without a known ordering, a version the ordering rejects); {@code reasons} says which.
   */
  record NotEvaluable(List<String> reasons) implements AffectedVerdict {
    public NotEvaluable {
      reasons = List.copyOf(reasons);
    }
  }

  /** Why a version is affected. */
  sealed interface Evidence {
    /** A one-line explanation for people. */
    String explain();
  }

  /**
   * Range number {@code rangeIndex} (0-based, in record order) covers the version: from {@code
   * introduced} until {@code closedBy} (a fixed or last_affected event), or open-ended.
   */
  record InRange(int rangeIndex, RangeType type, OsvEvent introduced, Optional<OsvEvent> closedBy)
      implements Evidence {
    @Override
    public String explain() {
      // Counted from 1 in words, as people read a record's ranges; rangeIndex stays 0-based.
      return "range "
          + (rangeIndex + 1)
          + " ("
          + type
          + "): "
          + introduced
          + closedBy.map(e -> ", " + e).orElse(", no fix");
    }
  }

  /** The record's {@code versions} list names the version ({@code listed} is the entry as written). */
  record ListedExplicitly(String listed) implements Evidence {
    @Override
    public String explain() {
      return "listed explicitly as " + listed;
    }
  }
}
