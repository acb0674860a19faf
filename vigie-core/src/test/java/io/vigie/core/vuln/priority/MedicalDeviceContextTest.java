package io.vigie.core.vuln.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.model.Reachability;
import io.vigie.core.model.Severity;
import org.junit.jupiter.api.Test;

class MedicalDeviceContextTest {

  @Test
  void anUnknownComponentGetsTheRubricsWorstCaseAnswers() {
    MedicalDeviceContext unknown = MedicalDeviceContext.unknown("vendored zlib");

    assertThat(unknown.reachability()).isEqualTo(Reachability.INTERNET);
    assertThat(unknown.handlesHealthData()).isTrue();
    assertThat(unknown.patientHarm()).isEqualTo(Severity.CATASTROPHIC);
    assertThat(unknown.clinicalFunction()).isTrue();
    assertThat(unknown.authenticationRequired()).isFalse();
  }

  @Test
  void needsANameToExplainItself() {
    assertThatThrownBy(() -> new MedicalDeviceContext(" ", Reachability.LOCAL, false, Severity.MINOR, false, false))
        .hasMessageContaining("needs a name");
  }
}
