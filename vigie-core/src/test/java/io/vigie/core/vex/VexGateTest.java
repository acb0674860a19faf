package io.vigie.core.vex;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.vuln.KevEntry;
import io.vigie.core.vuln.VulnerabilityFinding;
import io.vigie.core.vuln.VulnerabilityGate;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.priority.MedicalDeviceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate and VEX: not-affected and fixed take a finding out of the gate; affected and under investigation do not. */
class VexGateTest {
  static final VulnerabilityMatch LOG4SHELL = new VulnerabilityMatch("log4j", "log4j-core@2.14.1", "2.14.1",
      "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "CVE-2021-44228",
      List.of("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"), "Log4Shell", List.of(),
      List.of(new VulnerabilityMatch.Provenance("GHSA-jfh8-c2jp-5v3q", "GHSA-sample", "GHSA-jfh8-c2jp-5v3q.json",
          MatchMethod.PACKAGE_URL_RANGE, MatchConfidence.HIGH, "range")));
  static final KevEntry KEV = new KevEntry("CVE-2021-44228", "Apache", "Log4j2", LocalDate.of(2021, 12, 10),
      LocalDate.of(2021, 12, 24), true, "");

  static VulnerabilityFinding finding(Optional<VexStatus> status) {
    VulnerabilityFinding f = new VulnerabilityFinding(LOG4SHELL, Optional.of(KEV), Optional.empty(), Optional.empty(),
        Optional.empty(), MedicalDeviceContext.unknown("PumpOS"));
    return f.withVex(status.map(s -> new AppliedVex(new VexStatement("CVE-2021-44228",
        "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", s, Optional.empty(), Optional.of("reviewed"),
        Optional.empty(), "alice", Instant.EPOCH, VexScope.release("PumpOS", "1.0"), "recorded by hand"), false, false,
        "2.14.1")));
  }

  @Test
  void onlyNotAffectedAndFixedClearTheGate() {
    VulnerabilityGate gate = new VulnerabilityGate(VulnerabilityGate.Policy.defaults());
    assertThat(gate.reason(finding(Optional.empty()))).isPresent();
    assertThat(gate.reason(finding(Optional.of(VexStatus.AFFECTED)))).isPresent();
    assertThat(gate.reason(finding(Optional.of(VexStatus.UNDER_INVESTIGATION)))).isPresent();
    assertThat(gate.reason(finding(Optional.of(VexStatus.NOT_AFFECTED)))).isEmpty();
    assertThat(gate.reason(finding(Optional.of(VexStatus.FIXED)))).isEmpty();
    assertThat(finding(Optional.of(VexStatus.NOT_AFFECTED)).knownExploited()).as("still reported as known exploited").isTrue();
  }
}
