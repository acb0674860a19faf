package io.vigie.core.vex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the VEX statement that applies to a finding, from every recorded statement. Rules (docs/vex.md):
 *
 * <ol>
 *   <li>A statement applies when it names one of the finding's IDs (CVE, GHSA, … aliases
 *       included), the same component identity (package URL without version, or name), and its
 *       scope covers the scanned product and release.
 *   <li>The narrowest scope wins: this release, then the product line, then the portfolio. A
 *       decision for one release never leaks into another.
 *   <li>Within a scope the newest statement wins (statements are append-only; a newer one
 *       supersedes). At equal time, one assessed at exactly the scanned version wins, then the
 *       later in the list.
 *   <li>A product-line or portfolio decision taken on another release is carried, and says so;
 *       it is flagged when the component's version differs from the one assessed.
 * </ol>
 *
 * <p>The statements are indexed by vulnerability and component identity once: a scan asks once
 * per finding and {@code vigie vex list} once per statement, and going through every statement
 * each time made a scan of 8,376 findings against as many statements take twice as long, and the
 * list of those statements a minute (bench/RESULTS.md, session 9).
 *
 * <p>Pure and immutable; safe to share between threads.
 */
public final class VexDecisions {
  private final List<VexStatement> statements;
  /** The positions of the statements of each vulnerability and component, in list order. */
  private final Map<Key, List<Integer>> byKey = new HashMap<>();
  /** Each statement's first position, as {@link List#indexOf} gives it. */
  private final Map<VexStatement, Integer> firstPosition = new HashMap<>();

  private record Key(String vulnerability, String component) {}

  public VexDecisions(Collection<VexStatement> statements) {
    this.statements = List.copyOf(statements);
    for (int i = 0; i < this.statements.size(); i++) {
      VexStatement s = this.statements.get(i);
      byKey.computeIfAbsent(new Key(s.vulnerability(), s.component()), k -> new ArrayList<>(1)).add(i);
      firstPosition.putIfAbsent(s, i);
    }
  }

  public static VexDecisions none() {
    return new VexDecisions(List.of());
  }

  public List<VexStatement> statements() {
    return statements;
  }

  /**
   * The statement for this finding, if any.
   *
   * @param ids the vulnerability's IDs and aliases
   * @param purlOrName the component's package URL (any version), or its name when it has none
   * @param version the component's version in the scanned SBOM ("" when unknown)
   */
  public Optional<AppliedVex> decide(Set<String> ids, String purlOrName, String version, String product,
      String release) {
    if (statements.isEmpty()) {
      return Optional.empty(); // the usual case of a scan: spare each finding the identity below
    }
    String identity = VexStatement.identityOf(purlOrName);
    Comparator<Candidate> best = best(version);
    Optional<Candidate> chosen = Optional.empty();
    for (String id : ids) {
      for (int i : byKey.getOrDefault(new Key(id, identity), List.of())) {
        Candidate c = new Candidate(statements.get(i), i);
        if (c.statement.scope().covers(product, release) && (chosen.isEmpty() || best.compare(c, chosen.get()) < 0)) {
          chosen = Optional.of(c);
        }
      }
    }
    return chosen.map(c -> {
      VexScope scope = c.statement.scope();
      boolean carried = scope.kind() != VexScope.Kind.RELEASE
          && (scope.release().map(r -> !r.equals(release)).orElse(false)
              || scope.product().map(p -> !p.equals(product)).orElse(false));
      String assessed = c.statement.componentVersion();
      boolean differs = !assessed.isEmpty() && !assessed.equals(version);
      return new AppliedVex(c.statement, carried, differs, version);
    });
  }

  /**
   * Every statement that applies to {@code product} at {@code release}, one per vulnerability and
   * component identity (the one {@link #decide} would pick), for an export of that release's VEX.
   */
  public List<AppliedVex> applicableTo(String product, String release) {
    Map<Key, AppliedVex> out = new java.util.LinkedHashMap<>();
    for (VexStatement s : statements) {
      Key key = new Key(s.vulnerability(), s.component());
      if (!out.containsKey(key) && s.scope().covers(product, release)) {
        decide(Set.of(s.vulnerability()), s.component(), s.componentVersion(), product, release)
            .ifPresent(a -> out.put(key, a));
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * True when a later statement of the same vulnerability, component and scope replaces this one
   * (history is kept for audit; {@code vigie vex list} marks the superseded ones).
   */
  public boolean superseded(VexStatement s) {
    int index = firstPosition.getOrDefault(s, -1);
    return byKey.getOrDefault(new Key(s.vulnerability(), s.component()), List.of()).stream()
        .filter(i -> i > index).map(statements::get).anyMatch(o -> o.scope().kind() == s.scope().kind()
        && (s.scope().kind() == VexScope.Kind.PORTFOLIO || o.scope().product().equals(s.scope().product()))
        && (s.scope().kind() != VexScope.Kind.RELEASE || o.scope().release().equals(s.scope().release()))
        && !o.timestamp().isBefore(s.timestamp()));
  }

  private record Candidate(VexStatement statement, int position) {}

  /** The narrowest scope, then the newest, then one assessed at the scanned version, then the later. */
  private static Comparator<Candidate> best(String version) {
    return Comparator.comparing((Candidate c) -> c.statement.scope().kind())
        .thenComparing(c -> c.statement.timestamp(), Comparator.reverseOrder())
        .thenComparing(c -> !c.statement.componentVersion().equals(version))
        .thenComparing(c -> -c.position);
  }
}
