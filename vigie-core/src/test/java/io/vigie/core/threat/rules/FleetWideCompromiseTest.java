package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.FlowKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetWideCompromiseTest {
  private final FleetWideCompromise rule = new FleetWideCompromise();

  private static ModelBuilder pacemakers() {
    return new ModelBuilder("Pacemaker remote care")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .zone("home", TrustLevel.PATIENT_HOME)
        .asset("settings", DataCategory.THERAPY)
        .asset("firmware", DataCategory.SOFTWARE)
        .asset("episodes", DataCategory.HEALTH)
        .component("care-server", ComponentKind.API_SERVICE, "cloud")
        .component("monitor", ComponentKind.GATEWAY, "home")
        .component("app", ComponentKind.MOBILE_APP, "home");
  }

  @Test
  void firesOncePerServerAndFieldDeviceItControls() {
    var model = pacemakers()
        .flow("program", "care-server", "monitor", f -> f.assets("settings"))
        .flow("update", "care-server", "monitor", f -> f.kind(FlowKind.UPDATE).assets("firmware"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).extracting(Finding::elements).containsExactly(List.of("care-server", "monitor"));
  }

  @Test
  void doesNotFireOnDataSentToAppsOrReceivedFromDevices() {
    var model = pacemakers()
        .flow("episodes", "monitor", "care-server", f -> f.assets("episodes"))
        .flow("report", "care-server", "app", f -> f.assets("episodes"))
        .build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
