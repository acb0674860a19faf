package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.Severity;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalSinglePointOfFailureTest {
  private final ClinicalSinglePointOfFailure rule = new ClinicalSinglePointOfFailure();

  private static ModelBuilder icu() {
    return new ModelBuilder("ICU central monitoring").zone("hospital", TrustLevel.HOSPITAL_NETWORK);
  }

  @Test
  void firesOnASeriousClinicalFunctionWithoutRedundancy() {
    var model = icu()
        .component("central", ComponentKind.API_SERVICE, "hospital",
            c -> c.clinicalFunction("aggregates bedside alarms", Severity.CRITICAL))
        .build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("central"));
    assertThat(findings.get(0).description()).contains("critical harm");
  }

  @Test
  void doesNotFireWithARedundantPeerOrForMinorFunctions() {
    var model = icu()
        .component("central-a", ComponentKind.API_SERVICE, "hospital",
            c -> c.clinicalFunction("aggregates bedside alarms", Severity.CRITICAL).redundantWith("central-b"))
        .component("central-b", ComponentKind.API_SERVICE, "hospital",
            c -> c.clinicalFunction("aggregates bedside alarms", Severity.CRITICAL).redundantWith("central-a"))
        .component("trends", ComponentKind.WEB_APP, "hospital",
            c -> c.clinicalFunction("shows 24 h trends", Severity.MINOR))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
