package io.vigie.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.TrustLevel;
import org.junit.jupiter.api.Test;

class CodeMapTest {
  private final CodeMap map = CodeMap.of(new ModelBuilder("x")
      .zone("z", TrustLevel.MAKER_CLOUD)
      .component("api", ComponentKind.API_SERVICE, "z", c -> c.code("services/api/**", "libs/validation/*.java"))
      .component("portal", ComponentKind.WEB_PORTAL, "z", c -> c.code("web/portal/", "*.tsx"))
      .component("dose", ComponentKind.MOBILE_APP, "z", c -> c.code("apps/mobile/src/dose/**", "services/api/dose/**"))
      .build());

  @Test
  void doubleStarMatchesAcrossFoldersAndSingleStarWithinOne() {
    assertThat(map.componentsOf("services/api/src/main/java/Orders.java")).containsExactly("api");
    assertThat(map.componentsOf("libs/validation/Check.java")).containsExactly("api");
    assertThat(map.componentsOf("libs/validation/deep/Check.java")).isEmpty();
  }

  @Test
  void aFileCanBelongToSeveralComponents() {
    assertThat(map.componentsOf("services/api/dose/Titration.java")).containsExactly("api", "dose");
  }

  @Test
  void aTrailingSlashMeansEverythingBelowAndAGlobWithoutSlashMatchesInAnyFolder() {
    assertThat(map.componentsOf("web/portal/index.html")).containsExactly("portal");
    assertThat(map.componentsOf("anywhere/deep/Widget.tsx")).containsExactly("portal");
  }

  @Test
  void unmappedFilesMapToNothingAndPrefixesDoNotLeak() {
    assertThat(map.componentsOf("README.md")).isEmpty();
    assertThat(map.componentsOf("services/api-gateway/Main.java")).isEmpty();
  }
}
