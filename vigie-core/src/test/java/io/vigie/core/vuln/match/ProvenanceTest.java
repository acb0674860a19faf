package io.vigie.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.vuln.match.VulnerabilityMatch.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Provenance} writes its equals and hashCode out (the record's own are linked at run time,
 * a cost at every start): they must still be the record's, every component counted, so that
 * merging one match's provenance lines keeps each distinct line once.
 */
class ProvenanceTest {
  private static final Provenance LINE = new Provenance("GHSA-jfh8-c2jp-5v3q", "GHSA-sample",
      "GHSA-jfh8-c2jp-5v3q.json", MatchMethod.PACKAGE_URL_RANGE, MatchConfidence.HIGH, "2.0-beta9 <= v < 2.15.0");

  @Test
  void equalLinesAreEqualAndHashAlike() {
    Provenance same = new Provenance(new String("GHSA-jfh8-c2jp-5v3q"), "GHSA-sample", "GHSA-jfh8-c2jp-5v3q.json",
        MatchMethod.PACKAGE_URL_RANGE, MatchConfidence.HIGH, "2.0-beta9 <= v < 2.15.0");
    assertThat(same).isEqualTo(LINE).hasSameHashCodeAs(LINE);
    assertThat(new java.util.HashSet<>(List.of(LINE, same))).hasSize(1);
  }

  @Test
  void eachComponentTellsLinesApart() {
    List<Provenance> others = List.of(
        new Provenance("CVE-2021-44228", LINE.source(), LINE.record(), LINE.method(), LINE.confidence(), LINE.rule()),
        new Provenance(LINE.advisory(), "osv:Maven", LINE.record(), LINE.method(), LINE.confidence(), LINE.rule()),
        new Provenance(LINE.advisory(), LINE.source(), "other.json", LINE.method(), LINE.confidence(), LINE.rule()),
        new Provenance(LINE.advisory(), LINE.source(), LINE.record(), MatchMethod.EXPLICIT_VERSION_LIST,
            LINE.confidence(), LINE.rule()),
        new Provenance(LINE.advisory(), LINE.source(), LINE.record(), LINE.method(), MatchConfidence.MEDIUM, LINE.rule()),
        new Provenance(LINE.advisory(), LINE.source(), LINE.record(), LINE.method(), LINE.confidence(), "2.14.1"));
    for (Provenance other : others) {
      assertThat(other).as(other.toString()).isNotEqualTo(LINE);
    }
    assertThat(LINE).isNotEqualTo(null).isNotEqualTo(LINE.toString());
  }
}
