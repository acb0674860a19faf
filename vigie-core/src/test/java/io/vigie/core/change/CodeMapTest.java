package io.vigie.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.model.ComponentKind;
import io.vigie.core.model.ModelBuilder;
import io.vigie.core.model.TrustLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

  /**
   * The prefix index is only a shortcut: on random globs and paths (seeded), the answer, order
   * included, is the one of trying every glob of every component in model order.
   */
  @Test
  void theIndexGivesTheSameAnswerAsTryingEveryGlobInModelOrder() {
    Random random = new Random(20261129);
    String[] parts = {"services", "api", "a", "ab", "src", "web", "x.java", "y.tsx", "*", "**", "?", "[ab]", "*.java", "a*"};
    ModelBuilder builder = new ModelBuilder("x").zone("z", TrustLevel.MAKER_CLOUD);
    List<List<String>> globs = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      List<String> mine = new ArrayList<>();
      for (int g = 0; g < 1 + random.nextInt(3); g++) {
        StringBuilder glob = new StringBuilder(random.nextInt(6) == 0 ? "/" : "");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          glob.append(i > 0 ? "/" : "").append(parts[random.nextInt(parts.length)]);
        }
        if (random.nextInt(5) == 0) {
          glob.append('/');
        }
        mine.add(glob.toString());
      }
      globs.add(mine);
      builder.component("c" + c, ComponentKind.API_SERVICE, "z", b -> b.code(mine.toArray(String[]::new)));
    }
    CodeMap indexed = CodeMap.of(builder.build());
    List<List<Pattern>> patterns = globs.stream()
        .map(l -> l.stream().map(g -> CodeMap.compile(g.startsWith("/") ? g.substring(1) : g)).toList()).toList();
    String[] names = {"services", "api", "a", "ab", "b", "src", "web", "x.java", "y.tsx", "Main.java"};
    int matched = 0;
    for (int p = 0; p < 3000; p++) {
      StringBuilder path = new StringBuilder();
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        path.append(i > 0 ? "/" : "").append(names[random.nextInt(names.length)]);
      }
      List<String> expected = new ArrayList<>();
      for (int c = 0; c < globs.size(); c++) {
        for (Pattern pattern : patterns.get(c)) {
          if (pattern.matcher(path).matches() && !expected.contains("c" + c)) {
            expected.add("c" + c);
          }
        }
      }
      matched += expected.isEmpty() ? 0 : 1;
      assertThat(indexed.componentsOf(path.toString())).as(path.toString()).isEqualTo(expected);
    }
    assertThat(matched).as("paths that some glob matches").isGreaterThan(300);
  }
}
