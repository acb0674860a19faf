package io.vigie.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.match.AdvisorySource.Package;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisorySourceTest {

  @Test
  void packagesWithTheSameEcosystemAndNameAreEqualAndHashAlike() {
    Package django = new Package("PyPI", "django");
    Package same = new Package(new String("PyPI"), new String("django"));
    assertThat(same).isEqualTo(django).hasSameHashCodeAs(django);
    assertThat(new HashSet<>(List.of(django, same))).hasSize(1);
    assertThat(new Package("PyPI", "Django")).isNotEqualTo(django);
    assertThat(new Package("npm", "django")).isNotEqualTo(django);
    assertThat(new Package("django", "PyPI")).isNotEqualTo(django);
    assertThat(django).isNotEqualTo(null).isNotEqualTo("PyPI django");
    assertThatThrownBy(() -> new Package(null, "django")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theDefaultBulkAnswerAsksEachPackageOnceAndLeavesOutThoseWithoutAdvisories() {
    Advisory advisory = new Advisory("PYSEC-2021-6", List.of("CVE-2021-28658"), "summary", java.util.Optional.empty(),
        java.time.Instant.EPOCH, java.util.Optional.empty(), List.of(), List.of(), "PyPI-all.zip", "PYSEC-2021-6.json",
        List.of());
    List<String> asked = new ArrayList<>();
    AdvisorySource source = (ecosystem, name) -> {
      asked.add(ecosystem + " " + name);
      return name.equals("django") ? List.of(advisory) : List.of();
    };
    Map<Package, List<Advisory>> answer = source.advisoriesFor(List.of(new Package("PyPI", "django"),
        new Package("PyPI", "requests"), new Package("PyPI", "django")));
    assertThat(answer).containsOnlyKeys(new Package("PyPI", "django"));
    assertThat(answer.get(new Package("PyPI", "django"))).containsExactly(advisory);
    assertThat(asked).containsExactly("PyPI django", "PyPI requests");
  }
}
