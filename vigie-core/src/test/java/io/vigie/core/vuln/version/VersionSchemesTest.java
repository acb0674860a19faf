package io.vigie.core.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigie.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {

  @Test
  void mapsOsvEcosystemsWithTheirReleaseSuffixes() {
    assertThat(VersionSchemes.forEcosystem("AlmaLinux:9")).containsSame(VersionSchemes.RPM);
    assertThat(VersionSchemes.forEcosystem("Debian:12")).containsSame(VersionSchemes.DEBIAN);
    assertThat(VersionSchemes.forEcosystem("Ubuntu:22.04:LTS")).containsSame(VersionSchemes.DEBIAN);
    assertThat(VersionSchemes.forEcosystem("Alpine:v3.20")).containsSame(VersionSchemes.ALPINE);
    assertThat(VersionSchemes.forEcosystem("Red Hat:rhel_aus:8.4::appstream")).containsSame(VersionSchemes.RPM);
    assertThat(VersionSchemes.forEcosystem("Maven:https://maven.google.com")).containsSame(VersionSchemes.MAVEN);
    assertThat(VersionSchemes.forEcosystem("crates.io")).containsSame(VersionSchemes.CARGO);
  }

  @Test
  void mapsPackageUrlTypes() {
    assertThat(VersionSchemes.forEcosystem("golang")).containsSame(VersionSchemes.GO);
    assertThat(VersionSchemes.forEcosystem("gem")).containsSame(VersionSchemes.RUBYGEMS);
    assertThat(VersionSchemes.forEcosystem("deb")).containsSame(VersionSchemes.DEBIAN);
    assertThat(VersionSchemes.forEcosystem("apk")).containsSame(VersionSchemes.ALPINE);
    assertThat(VersionSchemes.forEcosystem("cargo")).containsSame(VersionSchemes.CARGO);
  }

  @Test
  void refusesWhatItCannotOrder() {
    assertThat(VersionSchemes.forEcosystem("Hex")).isEmpty();
    assertThat(VersionSchemes.forEcosystem("OSS-Fuzz")).isEmpty();
    assertThat(VersionSchemes.forEcosystem("maven:1")).isEmpty();
    assertThat(VersionSchemes.forEcosystem("")).isEmpty();
  }

  @Test
  void invalidVersionsGiveAMessageNamingTheSchemeAndTheReason() {
    assertThatThrownBy(() -> VersionSchemes.CARGO.parse("v1.2.3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'v1.2.3' is not a valid crates.io version");
    assertThatThrownBy(() -> VersionSchemes.DEBIAN.parse("x:1.0"))
        .hasMessageContaining("epoch 'x' is not a number");
  }

  @Test
  void versionsOfDifferentSchemesDoNotCompare() {
    Version maven = VersionSchemes.MAVEN.parse("1.0");
    Version deb = VersionSchemes.DEBIAN.parse("1.0");
    assertThatThrownBy(() -> maven.compareTo(deb))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot compare Maven version '1.0' with Debian version '1.0'");
  }

  @Test
  void goPseudoVersionsSortBeforeTheirRelease() {
    assertThat(VersionSchemes.GO.isPseudoVersion("v0.0.0-20210101120000-abcdefabcdef")).isTrue();
    assertThat(VersionSchemes.GO.isPseudoVersion("v1.2.4-0.20210101120000-abcdefabcdef")).isTrue();
    assertThat(VersionSchemes.GO.isPseudoVersion("v1.2.3")).isFalse();
    assertThat(VersionSchemes.GO.compare("v1.2.4-0.20210101120000-abcdefabcdef", "1.2.4")).isNegative();
    assertThat(VersionSchemes.GO.compare("v1.2.4-0.20210101120000-abcdefabcdef", "v1.2.3")).isPositive();
    assertThat(VersionSchemes.GO.compare("v2.0.0+incompatible", "2.0.0")).isZero();
  }

  @Test
  void aRememberedPypiVersionKeepsItsOwnTextAndOrder() {
    // PyPI versions are parsed once per text: equal versions written differently stay apart.
    Version a = VersionSchemes.PYPI.parse("1.0");
    Version b = VersionSchemes.PYPI.parse("1.0.0");
    assertThat(VersionSchemes.PYPI.parse("1.0")).isSameAs(a);
    assertThat(b.toString()).isEqualTo("1.0.0");
    assertThat(a.toString()).isEqualTo("1.0");
    assertThat(a.compareTo(b)).isZero();
    assertThat(VersionSchemes.PYPI.parse("1.0rc1").compareTo(a)).isNegative();
    assertThat(VersionSchemes.PYPI.parse(" 1.0 ").toString()).isEqualTo(" 1.0 ");
    assertThatThrownBy(() -> VersionSchemes.PYPI.parse("  ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> VersionSchemes.PYPI.parse("  ")).as("a refusal is not remembered as a version")
        .isInstanceOf(InvalidInputException.class);
  }
}
