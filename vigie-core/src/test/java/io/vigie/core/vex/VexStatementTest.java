package io.vigie.core.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VexStatementTest {
  static VexStatement notAffected(Optional<VexJustification> j, Optional<String> why) {
    return new VexStatement("CVE-2021-44228", "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1",
        VexStatus.NOT_AFFECTED, j, why, Optional.empty(), "alice", Instant.EPOCH,
        VexScope.productLine("PumpOS", Optional.empty()), "recorded by hand");
  }

  @Test
  void notAffectedNeedsAJustificationOrAnImpactStatementAsCisaRequires() {
    assertThatThrownBy(() -> notAffected(Optional.empty(), Optional.of("  ")))
        .hasMessageContaining("justification or an impact statement");
    assertThat(notAffected(Optional.of(VexJustification.COMPONENT_NOT_PRESENT), Optional.empty()).status())
        .isEqualTo(VexStatus.NOT_AFFECTED);
    assertThat(notAffected(Optional.empty(), Optional.of("class removed")).impact()).contains("class removed");
  }

  @Test
  void aJustificationOnlyExplainsNotAffected() {
    assertThatThrownBy(() -> new VexStatement("CVE-1", "x", "", VexStatus.AFFECTED,
        Optional.of(VexJustification.COMPONENT_NOT_PRESENT), Optional.empty(), Optional.empty(), "a", Instant.EPOCH,
        VexScope.portfolio(Optional.empty(), Optional.empty()), "o")).hasMessageContaining("not-affected status only");
  }

  @Test
  void scopesNameWhatTheyNeed() {
    assertThatThrownBy(() -> new VexScope(VexScope.Kind.RELEASE, Optional.of("PumpOS"), Optional.empty()))
        .hasMessageContaining("names its release");
    assertThatThrownBy(() -> new VexScope(VexScope.Kind.PRODUCT_LINE, Optional.of(" "), Optional.empty()))
        .hasMessageContaining("names its product");
    assertThat(VexJustification.parse("vulnerable-code-not-present")).contains(VexJustification.VULNERABLE_CODE_NOT_PRESENT);
    assertThat(VexJustification.parse("code_not_reachable")).isEmpty();
  }
}
