package io.vigie.core.vex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VexDecisionsTest {
  static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core";
  static final Set<String> LOG4SHELL = Set.of("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q");

  static VexStatement statement(String vuln, String version, VexStatus status, VexScope scope, String when,
      String author) {
    return new VexStatement(vuln, LOG4J, version, status,
        status == VexStatus.NOT_AFFECTED ? Optional.of(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH)
            : Optional.empty(),
        Optional.of("JNDI lookups are disabled by the launcher"), Optional.empty(), author, Instant.parse(when), scope,
        "recorded by hand");
  }

  @Test
  void carriesAProductLineDecisionToTheNextReleaseAndSaysWhereItCameFrom() {
    VexStatement decided = statement("CVE-2021-44228", "2.14.1", VexStatus.NOT_AFFECTED,
        VexScope.productLine("PumpOS", Optional.of("1.3.0")), "2026-03-01T10:00:00Z", "alice");
    VexDecisions decisions = new VexDecisions(List.of(decided));

    AppliedVex applied = decisions.decide(LOG4SHELL, LOG4J + "@2.17.0?type=jar", "2.17.0", "PumpOS", "1.4.0").orElseThrow();

    assertThat(applied.statement()).isEqualTo(decided);
    assertThat(applied.carried()).isTrue();
    assertThat(applied.versionDiffers()).isTrue();
    assertThat(applied.explanation()).contains("carried from release 1.3.0", "decided by alice on 2026-03-01",
        "component then at 2.14.1", "now 2.17.0");
  }

  @Test
  void aReleaseDecisionIsNotCarriedToAnotherRelease() {
    VexDecisions decisions = new VexDecisions(List.of(statement("CVE-2021-44228", "2.14.1", VexStatus.NOT_AFFECTED,
        VexScope.release("PumpOS", "1.3.0"), "2026-03-01T10:00:00Z", "alice")));

    assertThat(decisions.decide(LOG4SHELL, LOG4J + "@2.14.1", "2.14.1", "PumpOS", "1.3.0")).isPresent()
        .get().extracting(AppliedVex::carried).isEqualTo(false);
    assertThat(decisions.decide(LOG4SHELL, LOG4J + "@2.14.1", "2.14.1", "PumpOS", "1.4.0")).isEmpty();
    assertThat(decisions.decide(LOG4SHELL, LOG4J + "@2.14.1", "2.14.1", "InfusionHub", "1.3.0")).isEmpty();
  }

  @Test
  void theNarrowestScopeWinsEvenWhenAWiderOneIsNewer() {
    VexStatement release = statement("CVE-2021-44228", "2.14.1", VexStatus.AFFECTED,
        VexScope.release("PumpOS", "1.3.0"), "2026-01-01T00:00:00Z", "bob");
    VexStatement line = statement("CVE-2021-44228", "2.14.1", VexStatus.NOT_AFFECTED,
        VexScope.productLine("PumpOS", Optional.empty()), "2026-02-01T00:00:00Z", "alice");
    VexStatement portfolio = statement("CVE-2021-44228", "2.14.1", VexStatus.FIXED,
        VexScope.portfolio(Optional.empty(), Optional.empty()), "2026-03-01T00:00:00Z", "carol");
    VexDecisions decisions = new VexDecisions(List.of(portfolio, line, release));

    assertThat(decisions.decide(LOG4SHELL, LOG4J, "2.14.1", "PumpOS", "1.3.0").orElseThrow().statement()).isEqualTo(release);
    assertThat(decisions.decide(LOG4SHELL, LOG4J, "2.14.1", "PumpOS", "1.4.0").orElseThrow().statement()).isEqualTo(line);
    assertThat(decisions.decide(LOG4SHELL, LOG4J, "2.14.1", "Other", "9").orElseThrow().statement()).isEqualTo(portfolio);
  }

  @Test
  void withinAScopeTheNewestWinsWhateverTheOrderTheyWereGiven() {
    VexStatement older = statement("CVE-2021-44228", "2.14.1", VexStatus.UNDER_INVESTIGATION,
        VexScope.productLine("PumpOS", Optional.of("1.0")), "2026-01-01T00:00:00Z", "bob");
    VexStatement newer = statement("CVE-2021-44228", "2.14.1", VexStatus.NOT_AFFECTED,
        VexScope.productLine("PumpOS", Optional.of("1.1")), "2026-02-01T00:00:00Z", "alice");
    Random random = new Random(20261129L);
    for (int i = 0; i < 50; i++) {
      List<VexStatement> list = new java.util.ArrayList<>(List.of(older, newer));
      java.util.Collections.shuffle(list, random);
      assertThat(new VexDecisions(list).decide(LOG4SHELL, LOG4J, "2.14.1", "PumpOS", "1.1").orElseThrow().statement())
          .isEqualTo(newer);
    }
    VexDecisions history = new VexDecisions(List.of(older, newer));
    assertThat(history.superseded(older)).isTrue();
    assertThat(history.superseded(newer)).isFalse();
  }

  @Test
  void matchesOnAnAliasAndOnComponentIdentityOnly() {
    VexDecisions decisions = new VexDecisions(List.of(statement("GHSA-jfh8-c2jp-5v3q", "", VexStatus.FIXED,
        VexScope.productLine("PumpOS", Optional.empty()), "2026-01-01T00:00:00Z", "bob")));

    assertThat(decisions.decide(LOG4SHELL, LOG4J + "@2.17.0?classifier=x#sub", "2.17.0", "PumpOS", "2")).isPresent();
    assertThat(decisions.decide(LOG4SHELL, "pkg:maven/org.apache.logging.log4j/log4j-api@2.17.0", "2.17.0", "PumpOS", "2"))
        .isEmpty();
    assertThat(decisions.decide(Set.of("CVE-2021-45046"), LOG4J, "2.17.0", "PumpOS", "2")).isEmpty();
  }

  @Test
  void exportListsOneStatementPerVulnerabilityAndComponentCarriedOnesIncluded() {
    VexStatement a = statement("CVE-2021-44228", "2.14.1", VexStatus.UNDER_INVESTIGATION,
        VexScope.productLine("PumpOS", Optional.of("1.0")), "2026-01-01T00:00:00Z", "bob");
    VexStatement b = statement("CVE-2021-44228", "2.14.1", VexStatus.NOT_AFFECTED,
        VexScope.productLine("PumpOS", Optional.of("1.0")), "2026-02-01T00:00:00Z", "alice");
    VexStatement other = statement("CVE-2021-45046", "2.14.1", VexStatus.AFFECTED,
        VexScope.release("PumpOS", "1.0"), "2026-02-01T00:00:00Z", "alice");

    List<AppliedVex> export = new VexDecisions(List.of(a, b, other)).applicableTo("PumpOS", "1.1");

    assertThat(export).extracting(AppliedVex::statement).containsExactly(b);
    assertThat(export.get(0).carried()).isTrue();
  }

  @Test
  void identityDropsVersionQualifiersAndSubpathButKeepsNames() {
    assertThat(VexStatement.identityOf("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar"))
        .isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind");
    assertThat(VexStatement.identityOf(" FatFs ")).isEqualTo("FatFs");
    assertThat(VexStatement.versionOf("pkg:npm/%40angular/core@15.0.1")).contains("15.0.1");
  }

  /**
   * The indexed answers against the walk over every statement that preceded them (kept here as
   * the oracle), on 300 random sets: few vulnerabilities, components, products and releases, and
   * few timestamps, so that scopes, ties, carried decisions and repeated statements meet often.
   */
  @Test
  void theIndexAnswersAsAWalkOverEveryStatementDoes() {
    Random random = new Random(42);
    List<String> vulns = List.of("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q", "CVE-2021-45046", "CVE-2022-0001");
    List<String> components = List.of(LOG4J, "pkg:npm/left-pad", "FatFs");
    List<String> products = List.of("PumpOS", "Meter");
    List<String> releases = List.of("1.0", "1.1", "2.0");
    List<String> versions = List.of("", "2.14.1", "2.17.0");
    int compared = 0;
    int found = 0;
    for (int round = 0; round < 300; round++) {
      List<VexStatement> list = new java.util.ArrayList<>();
      for (int i = 0, n = random.nextInt(40); i < n; i++) {
        if (!list.isEmpty() && random.nextInt(10) == 0) {
          list.add(list.get(random.nextInt(list.size()))); // the same statement given twice
          continue;
        }
        String product = pick(random, products);
        Optional<String> release = random.nextBoolean() ? Optional.of(pick(random, releases)) : Optional.empty();
        VexScope scope = switch (random.nextInt(3)) {
          case 0 -> VexScope.release(product, pick(random, releases));
          case 1 -> VexScope.productLine(product, release);
          default -> VexScope.portfolio(random.nextBoolean() ? Optional.of(product) : Optional.empty(), release);
        };
        VexStatus status = VexStatus.values()[random.nextInt(VexStatus.values().length)];
        list.add(new VexStatement(pick(random, vulns), pick(random, components), pick(random, versions), status,
            status == VexStatus.NOT_AFFECTED ? Optional.of(VexJustification.COMPONENT_NOT_PRESENT) : Optional.empty(),
            Optional.of("why"), Optional.empty(), "alice", Instant.parse("2026-03-0" + (1 + random.nextInt(3)) + "T10:00:00Z"),
            scope, "test"));
      }
      VexDecisions decisions = new VexDecisions(list);
      for (int q = 0; q < 20; q++) {
        Set<String> ids = random.nextBoolean() ? LOG4SHELL : Set.of(pick(random, vulns));
        String component = pick(random, components);
        String purlOrName = component.startsWith("pkg:") && random.nextBoolean() ? component + "@2.17.0?type=jar" : component;
        String version = pick(random, versions);
        String product = pick(random, products);
        String release = pick(random, releases);
        Optional<AppliedVex> expected = walk(list, ids, purlOrName, version, product, release);
        assertThat(decisions.decide(ids, purlOrName, version, product, release)).isEqualTo(expected);
        compared++;
        found += expected.isPresent() ? 1 : 0;
      }
      for (VexStatement st : list) {
        assertThat(decisions.superseded(st)).as(st.toString()).isEqualTo(supersededByWalk(list, st));
      }
    }
    assertThat(found).as("the queries find statements often enough to mean something").isGreaterThan(compared / 5);
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** VexDecisions#decide as it was before the index: every statement filtered, the best kept. */
  private static Optional<AppliedVex> walk(List<VexStatement> statements, Set<String> ids, String purlOrName,
      String version, String product, String release) {
    record Candidate(VexStatement statement, int position) {}
    String identity = VexStatement.identityOf(purlOrName);
    java.util.Comparator<Candidate> best = java.util.Comparator.comparing((Candidate c) -> c.statement.scope().kind())
        .thenComparing(c -> c.statement.timestamp(), java.util.Comparator.reverseOrder())
        .thenComparing(c -> !c.statement.componentVersion().equals(version))
        .thenComparing(c -> -c.position);
    return java.util.stream.IntStream.range(0, statements.size())
        .mapToObj(i -> new Candidate(statements.get(i), i))
        .filter(c -> ids.contains(c.statement.vulnerability()))
        .filter(c -> c.statement.component().equals(identity))
        .filter(c -> c.statement.scope().covers(product, release))
        .min(best)
        .map(c -> {
          VexScope scope = c.statement.scope();
          boolean carried = scope.kind() != VexScope.Kind.RELEASE
              && (scope.release().map(r -> !r.equals(release)).orElse(false)
                  || scope.product().map(p -> !p.equals(product)).orElse(false));
          String assessed = c.statement.componentVersion();
          return new AppliedVex(c.statement, carried, !assessed.isEmpty() && !assessed.equals(version), version);
        });
  }

  /** VexDecisions#superseded as it was before the index. */
  private static boolean supersededByWalk(List<VexStatement> statements, VexStatement s) {
    int index = statements.indexOf(s);
    return statements.stream().skip(index + 1L).anyMatch(o -> o.vulnerability().equals(s.vulnerability())
        && o.component().equals(s.component()) && o.scope().kind() == s.scope().kind()
        && (s.scope().kind() == VexScope.Kind.PORTFOLIO || o.scope().product().equals(s.scope().product()))
        && (s.scope().kind() != VexScope.Kind.RELEASE || o.scope().release().equals(s.scope().release()))
        && !o.timestamp().isBefore(s.timestamp()));
  }
}
