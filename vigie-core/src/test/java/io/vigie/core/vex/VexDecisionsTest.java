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
}
