package io.vigie.store.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.vex.VexDecisions;
import io.vigie.core.vex.VexJustification;
import io.vigie.core.vex.VexScope;
import io.vigie.core.vex.VexStatement;
import io.vigie.core.vex.VexStatus;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexStoreTest {
  @TempDir Path data;

  static VexStatement statement(VexStatus status, String when, VexScope scope) {
    return new VexStatement("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", status,
        status == VexStatus.NOT_AFFECTED ? Optional.of(VexJustification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH) : Optional.empty(),
        Optional.of("JNDI lookups disabled; message lookups removed by the build"),
        status == VexStatus.AFFECTED ? Optional.of("Update to 2.17.1") : Optional.empty(), "alice",
        Instant.parse(when), scope, "recorded by hand");
  }

  @Test
  void keepsEveryStatementWhole() {
    VexStatement a = statement(VexStatus.UNDER_INVESTIGATION, "2026-01-01T10:00:00Z", VexScope.release("PumpOS", "1.0"));
    VexStatement b = statement(VexStatus.NOT_AFFECTED, "2026-01-02T10:00:00Z",
        VexScope.productLine("PumpOS", Optional.of("1.0")));
    VexStatement c = statement(VexStatus.AFFECTED, "2026-01-03T10:00:00Z", VexScope.portfolio(Optional.empty(), Optional.empty()));
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(data)) {
      db.vexStore().record(a);
      db.vexStore().recordAll(List.of(b, c));
    }
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(data)) {
      assertThat(db.vexStore().all()).containsExactly(a, b, c);
    }
  }

  @Test
  void aNewerDecisionSupersedesTheOlderWhichStaysForAudit() {
    VexStatement first = statement(VexStatus.UNDER_INVESTIGATION, "2026-01-01T10:00:00Z",
        VexScope.productLine("PumpOS", Optional.of("1.0")));
    VexStatement second = statement(VexStatus.NOT_AFFECTED, "2026-01-05T10:00:00Z",
        VexScope.productLine("PumpOS", Optional.of("1.1")));
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(data)) {
      db.vexStore().record(first);
      db.vexStore().record(second);
      VexDecisions decisions = db.vexStore().decisions();
      assertThat(decisions.statements()).containsExactly(first, second);
      assertThat(decisions.superseded(first)).isTrue();
      assertThat(decisions.decide(Set.of("CVE-2021-44228"), "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
          "2.14.1", "PumpOS", "1.2").orElseThrow().statement()).isEqualTo(second);
    }
  }

  @Test
  void aBatchThatCannotBeStoredLeavesNothingBehind() {
    VexStatement good = statement(VexStatus.FIXED, "2026-01-01T10:00:00Z", VexScope.release("PumpOS", "1.0"));
    VexStatement tooLong = new VexStatement("CVE-" + "9".repeat(300), "x", "", VexStatus.FIXED, Optional.empty(),
        Optional.empty(), Optional.empty(), "bob", Instant.EPOCH, VexScope.release("PumpOS", "1.0"), "imported");
    try (VulnerabilityDatabase db = VulnerabilityDatabase.open(data)) {
      assertThatThrownBy(() -> db.vexStore().recordAll(List.of(good, tooLong))).isInstanceOf(io.vigie.core.validation.InvalidInputException.class).hasMessageContaining("vulnerability: is 304 characters long; at most 200");
      assertThat(db.vexStore().all()).isEmpty();
    }
  }
}
