package io.vigie.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SbomComponentTest {
  @Test
  void acceptsAValidPackageUrl() {
    SbomComponent c = SbomFixtures.component("a", "wolfssl", "4.8.1", "pkg:github/wolfssl/wolfssl@4.8.1", null);
    assertThat(c.purl()).contains("pkg:github/wolfssl/wolfssl@4.8.1");
  }

  @Test
  void rejectsAMalformedPackageUrlSoConsumersCanRelyOnIt() {
    assertThat(SbomComponent.purlProblem("maven/org.example/lib@1")).isPresent();
    assertThatThrownBy(() -> SbomFixtures.component("a", "lib", "1", "maven/org.example/lib@1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid package URL");
  }

  @Test
  void namesItselfByNameAndVersionIgnoringABlankVersion() {
    assertThat(SbomFixtures.component("a", "FatFs", "0.13c", null, null).nameAndVersion()).isEqualTo("FatFs@0.13c");
    assertThat(SbomFixtures.component("a", "QCA9563", "", null, null).nameAndVersion()).isEqualTo("QCA9563");
  }
}
