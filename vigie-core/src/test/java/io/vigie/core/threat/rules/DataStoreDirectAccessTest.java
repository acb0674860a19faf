package io.vigie.core.threat.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.DataCategory;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.ModelIndex;
import io.vigie.core.model.TrustLevel;
import io.vigie.core.threat.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataStoreDirectAccessTest {
  private final DataStoreDirectAccess rule = new DataStoreDirectAccess();

  private static ModelBuilder backend() {
    return new ModelBuilder("Backend")
        .zone("cloud", TrustLevel.MAKER_CLOUD)
        .asset("accounts", DataCategory.CREDENTIALS)
        .asset("manuals", DataCategory.PUBLIC)
        .component("api", ComponentKind.API_SERVICE, "cloud", c -> c.stores("accounts"));
  }

  @Test
  void firesOnADatabaseHoldingConfidentialData() {
    var model = backend().component("users-db", ComponentKind.DATABASE, "cloud", c -> c.stores("accounts", "manuals")).build();

    List<Finding> findings = rule.apply(ModelIndex.of(model));

    assertThat(findings).extracting(Finding::elements).containsExactly(List.of("users-db"));
    assertThat(findings.get(0).description()).contains("(accounts)");
  }

  @Test
  void doesNotFireOnPublicFilesOrOnServicesWhichAreNotStores() {
    var model = backend().component("cdn", ComponentKind.FILE_STORAGE, "cloud", c -> c.stores("manuals")).build();

    assertThat(rule.apply(ModelIndex.of(model))).isEmpty();
  }
}
