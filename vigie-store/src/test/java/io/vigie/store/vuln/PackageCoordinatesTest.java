package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageCoordinatesTest {

  @Test
  void splitsMavenGroupAndArtifact() {
    assertThat(PackageCoordinates.of("Maven", "org.apache.logging.log4j:log4j-core"))
        .contains(new PackageCoordinates("maven", "org.apache.logging.log4j", "log4j-core"));
  }

  @Test
  void keepsTheNpmScopeAsNamespace() {
    assertThat(PackageCoordinates.of("npm", "@babel/core")).contains(new PackageCoordinates("npm", "@babel", "core"));
    assertThat(PackageCoordinates.of("npm", "json5")).contains(new PackageCoordinates("npm", "", "json5"));
  }

  @Test
  void splitsAGoModulePathAtItsLastSlash() {
    assertThat(PackageCoordinates.of("Go", "golang.org/x/net"))
        .contains(new PackageCoordinates("golang", "golang.org/x", "net"));
  }

  @Test
  void normalisesPypiNamesAsPep503Does() {
    assertThat(PackageCoordinates.of("PyPI", "Django_REST.framework"))
        .contains(new PackageCoordinates("pypi", "", "django-rest-framework"));
  }

  @Test
  void hasNoPurlForDistributionsOrOssFuzz() {
    assertThat(PackageCoordinates.of("AlmaLinux:9", "openssl")).isEmpty();
    assertThat(PackageCoordinates.of("OSS-Fuzz", "libxml2")).isEmpty();
  }
}
