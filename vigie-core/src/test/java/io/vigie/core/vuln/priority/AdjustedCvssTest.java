package io.vigie.core.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedCvssTest {
  private static final CvssScore BASE = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");

  @Test
  void theEffectiveValueIsTheEnvironmentalOneWhenSetAndTheBaseOneOtherwise() {
    var adjusted = new AdjustedCvss(BASE, BASE.vector() + "/MAV:A", 8.8, CvssSeverity.HIGH, List.of());

    assertThat(adjusted.effective("AV", "MAV")).isEqualTo("A");
    assertThat(adjusted.effective("PR", "MPR")).isEqualTo("N");
    assertThatThrownBy(() -> adjusted.effective("AT", "MAT")).hasMessageContaining("AT is not a base metric");
  }

  @Test
  void refusesARatingThatIsNotTheScores() {
    assertThatThrownBy(() -> new AdjustedCvss(BASE, BASE.vector(), 9.8, CvssSeverity.HIGH, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
