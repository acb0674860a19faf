package io.vigie.core.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.Advisory;
import io.vigie.core.vuln.version.OsvAffected;
import io.vigie.core.vuln.version.OsvEvent;
import io.vigie.core.vuln.version.OsvRange;
import io.vigie.core.vuln.version.RangeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Distribution package URLs to OSV release ecosystems, and Debian / Ubuntu / Alpine evaluation.
 * The shared data has no Debian, Ubuntu or Alpine OSV records, so those advisories are written
 * here in the shape of the real ones (source package names, DSA / ALPINE IDs with CVE aliases).
 */
class DistroPackageTest {

  private static OsvPackage translated(String purl) {
    OsvPackage.Result r = OsvPackage.of(purl);
    assertThat(r).as(purl).isInstanceOf(OsvPackage.Translated.class);
    return ((OsvPackage.Translated) r).value();
  }

  private static String refusal(String purl) {
    OsvPackage.Result r = OsvPackage.of(purl);
    assertThat(r).as(purl).isInstanceOf(OsvPackage.Refused.class);
    return ((OsvPackage.Refused) r).reason();
  }

  @Test
  void debianReleaseFromTheDistroQualifierOrItsCodename() {
    OsvPackage p = translated("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12");
    assertThat(p.ecosystem()).isEqualTo("Debian:12");
    assertThat(p.name()).isEqualTo("openssl");
    assertThat(p.version()).isEqualTo("3.0.11-1~deb12u2");
    assertThat(p.distro().get().basis()).contains("binary package name openssl");
    assertThat(translated("pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12.4").ecosystem()).isEqualTo("Debian:12");
    assertThat(translated("pkg:deb/debian/openssl@1.1.1w-0+deb11u1?distro=bullseye").ecosystem()).isEqualTo("Debian:11");
    assertThat(translated("pkg:deb/debian/openssl@1.1.1n-0+deb10u6?distro=buster").ecosystem()).isEqualTo("Debian:10");
    assertThat(translated("pkg:deb/debian/openssl@3.5.1-1?distro=trixie").ecosystem()).isEqualTo("Debian:13");
    assertThat(translated("pkg:deb/debian/openssl@3.0.11-1?distro=debian-bookworm").ecosystem()).isEqualTo("Debian:12");
  }

  @Test
  void debianAdvisoriesNameSourcePackagesSoTheUpstreamQualifierWins() {
    OsvPackage p = translated("pkg:deb/debian/libc6@2.36-9+deb12u3?arch=amd64&upstream=glibc&distro=debian-12");
    assertThat(p.name()).isEqualTo("glibc");
    assertThat(p.distro().get().basis()).contains("source package glibc from the upstream qualifier");
    OsvPackage binNmu = translated("pkg:deb/debian/libfoo1@1.2-3+b1?source=foo%401.2-3&distro=debian-12");
    assertThat(binNmu.name()).isEqualTo("foo");
    assertThat(binNmu.version()).isEqualTo("1.2-3");
  }

  @Test
  void ubuntuReleasesCarryLtsAsOsvNamesThem() {
    assertThat(translated("pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=ubuntu-22.04").ecosystem())
        .isEqualTo("Ubuntu:22.04:LTS");
    assertThat(translated("pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.10?distro=jammy").ecosystem())
        .isEqualTo("Ubuntu:22.04:LTS");
    assertThat(translated("pkg:deb/ubuntu/openssl@3.0.10-1ubuntu2?distro=ubuntu-23.10").ecosystem())
        .isEqualTo("Ubuntu:23.10");
  }

  @Test
  void alpineBranchFromTheReleaseOrPointRelease() {
    OsvPackage p = translated("pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&upstream=openssl&distro=alpine-3.18.4");
    assertThat(p.ecosystem()).isEqualTo("Alpine:v3.18");
    assertThat(p.name()).isEqualTo("openssl");
    assertThat(translated("pkg:apk/alpine/openssl@3.1.4-r5?distro=alpine-3.18").ecosystem()).isEqualTo("Alpine:v3.18");
    assertThat(translated("pkg:apk/alpine/openssl@3.1.4-r5?distro=3.18.4").ecosystem()).isEqualTo("Alpine:v3.18");
  }

  @Test
  void rpmDistributionsAndTheirEpochs() {
    OsvPackage alma = translated("pkg:rpm/almalinux/openssl@3.0.7-27.el9?arch=x86_64&epoch=1&distro=almalinux-9");
    assertThat(alma.ecosystem()).isEqualTo("AlmaLinux:9");
    assertThat(alma.version()).isEqualTo("1:3.0.7-27.el9");
    assertThat(alma.distro().get().epochGiven()).isTrue();
    assertThat(translated("pkg:rpm/rocky/openssl@3.0.7-27.el9?distro=rocky-9.3").ecosystem()).isEqualTo("Rocky Linux:9");
    OsvPackage rhel = translated("pkg:rpm/redhat/openssl@3.0.7-27.el9?distro=rhel-9.4");
    assertThat(rhel.ecosystem()).isEqualTo("Red Hat:enterprise_linux:9");
    assertThat(rhel.covers("Red Hat:enterprise_linux:9::appstream")).isTrue();
    assertThat(rhel.covers("Red Hat:enterprise_linux:8::appstream")).isFalse();
    assertThat(translated("pkg:rpm/almalinux/openssl@1:3.0.7-27.el9?distro=almalinux-9").version()).isEqualTo("1:3.0.7-27.el9");
    assertThat(translated("pkg:rpm/almalinux/openssl@3.0.7-27.el9?distro=almalinux-9").distro().get().epochGiven()).isFalse();
    assertThat(translated("pkg:rpm/almalinux/openssl@3.0.7-27.el9_2").ecosystem()).isEqualTo("AlmaLinux:9");
  }

  @Test
  void releasesDoNotPrefixMatchOneAnother() {
    assertThat(translated("pkg:rpm/almalinux/openssl@3.0.7-27.el9?distro=almalinux-9").covers("AlmaLinux:8")).isFalse();
    assertThat(translated("pkg:apk/alpine/openssl@1.1.1-r0?distro=alpine-3.1").covers("Alpine:v3.18")).isFalse();
    assertThat(translated("pkg:deb/debian/openssl@1.0-1?distro=debian-1").covers("Debian:12")).isFalse();
    OsvPackage alma = translated("pkg:rpm/almalinux/openssl@3.0.7-27.el9?distro=almalinux-9");
    assertThat(alma.covers("AlmaLinux:9")).isTrue();
    assertThat(alma.covers("AlmaLinux:9:appstream")).as("a scope of the release").isTrue();
    assertThat(alma.covers("AlmaLinux:90")).isFalse();
    assertThat(alma.covers("AlmaLinux:")).isFalse();
    assertThat(alma.covers("AlmaLinux")).isFalse();
    assertThat(new OsvPackage("AlmaLinux", "openssl", "1").covers("AlmaLinux:9")).isTrue();
    assertThat(new OsvPackage("AlmaLinux", "openssl", "1").covers("AlmaLinux9")).isFalse();
  }

  @Test
  void anUnknownReleaseIsRefusedWithWhatToGive() {
    assertThat(refusal("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64"))
        .contains("give the distro qualifier, e.g. distro=debian-12");
    assertThat(refusal("pkg:apk/alpine/openssl@3.1.4-r5")).contains("distro=alpine-3.18");
    assertThat(refusal("pkg:rpm/almalinux/openssl@3.0.7-27")).contains("distro=almalinux-9");
    assertThat(refusal("pkg:rpm/fedora/curl@7.50.3-1.fc25")).contains("give the distro qualifier");
    assertThat(refusal("pkg:rpm/fedora/curl@7.50.3-1.fc25?distro=fedora-25")).contains("'fedora' is not matched");
    assertThat(refusal("pkg:deb/debian/openssl@3.0.11-1?distro=ubuntu-22.04")).contains("disagree");
    assertThat(refusal("pkg:deb/debian/openssl@3.0.11-1?distro=debian-twelve")).contains("not a Debian release");
    assertThat(refusal("pkg:rpm/almalinux/openssl@2:3.0.7-27.el9?epoch=1&distro=almalinux-9")).contains("disagrees");
    assertThat(refusal("pkg:rpm/almalinux/openssl@3.0.7-27.el9?epoch=x&distro=almalinux-9")).contains("not a number");
    // A release that needs a distro tag and has two is ambiguous.
    assertThat(refusal("pkg:rpm/almalinux/python3@3.6.8-1.el8.el9")).contains("several el releases");
  }

  // ---- evaluation with the existing Debian and Alpine orderings ----

  private static Advisory advisory(String id, String alias, String ecosystem, String pkg, String fixed) {
    OsvAffected a = new OsvAffected(ecosystem, pkg, List.of(new OsvRange(RangeType.ECOSYSTEM,
        List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"), new OsvEvent(OsvEvent.Kind.FIXED, fixed)))), List.of());
    return new Advisory(id, List.of(alias), id, Optional.empty(), Instant.parse("2024-01-01T00:00:00Z"),
        Optional.empty(), List.of(a), List.of(), "test", id + ".json");
  }

  private final List<Advisory> db = List.of(
      advisory("DSA-5532-1", "CVE-2023-5363", "Debian:12", "openssl", "3.0.11-1~deb12u2"),
      advisory("DSA-5532-1b", "CVE-2023-5363", "Debian:11", "openssl", "1.1.1w-0+deb11u1"),
      advisory("DSA-5417-1", "CVE-2023-2650", "Debian:12", "openssl", "3.0.9-1"),
      advisory("DEBIAN-EPOCH", "CVE-2099-0001", "Debian:12", "epochpkg", "1:2.0-1"),
      advisory("ALPINE-CVE-2023-5678", "CVE-2023-5678", "Alpine:v3.18", "openssl", "3.1.4-r1"),
      advisory("ALPINE-CVE-2023-5678-317", "CVE-2023-5678", "Alpine:v3.17", "openssl", "3.0.12-r1"));

  private final VulnerabilityMatcher matcher = new VulnerabilityMatcher((eco, name) -> db.stream()
      .filter(a -> a.affected().stream().anyMatch(x -> (x.ecosystem().equals(eco) || x.ecosystem().startsWith(eco + ":"))
          && x.packageName().equals(name))).toList());

  private MatchResult match(String purl) {
    return matcher.match(List.of(new SbomComponent("c", Optional.of("library"), Optional.empty(), "c",
        Optional.empty(), Optional.of(purl), Optional.empty(), List.of(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty())));
  }

  @Test
  void debianTildeAndEpochOrderingDecideTheMatch() {
    MatchResult before = match("pkg:deb/debian/libssl3@3.0.11-1~deb12u1?upstream=openssl&distro=debian-12");
    assertThat(before.matches()).extracting(VulnerabilityMatch::id).containsExactly("CVE-2023-5363");
    VulnerabilityMatch.Provenance p = before.matches().get(0).provenance().get(0);
    assertThat(p.advisory()).isEqualTo("DSA-5532-1"); // not the Debian 11 one
    assertThat(p.method()).isEqualTo(MatchMethod.DISTRO_ADVISORY);
    assertThat(p.confidence()).isEqualTo(MatchConfidence.HIGH);
    assertThat(p.rule()).contains("Debian:12 openssl 3.0.11-1~deb12u1").contains("source package openssl from the upstream");
    assertThat(match("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?upstream=openssl&distro=bookworm").matches()).isEmpty();
    // ~ sorts before the end: 3.0.11-1~deb12u2 < 3.0.11-1, so the plain revision is fixed too.
    assertThat(match("pkg:deb/debian/openssl@3.0.11-1?distro=debian-12").matches()).isEmpty();
    // Epoch: 2.5-1 (epoch 0, given as 0:) is before 1:2.0-1; with epoch 1 it is after.
    assertThat(match("pkg:deb/debian/epochpkg@0:2.5-1?distro=debian-12").matches()).hasSize(1);
    assertThat(match("pkg:deb/debian/epochpkg@1:2.5-1?distro=debian-12").matches()).isEmpty();
    assertThat(match("pkg:deb/debian/epochpkg@2.5-1?epoch=1&distro=debian-12").matches()).isEmpty();
  }

  @Test
  void alpineRevisionsDecideTheMatchAndBranchesStayApart() {
    assertThat(match("pkg:apk/alpine/openssl@3.1.4-r0?distro=alpine-3.18.4").matches())
        .extracting(VulnerabilityMatch::id).containsExactly("CVE-2023-5678");
    assertThat(match("pkg:apk/alpine/openssl@3.1.4-r1?distro=alpine-3.18.4").matches()).isEmpty();
    // 3.0.12-r0 on 3.18 would be before the 3.18 fix too, but it is the 3.17 advisory that names it.
    MatchResult on317 = match("pkg:apk/alpine/openssl@3.0.12-r0?distro=alpine-3.17");
    assertThat(on317.matches().get(0).provenance()).extracting(VulnerabilityMatch.Provenance::advisory)
        .containsExactly("ALPINE-CVE-2023-5678-317");
  }

  @Test
  void aDistroAdvisoryWithoutCveAliasGivesOneMatchPerRelatedCve() {
    OsvAffected a = new OsvAffected("AlmaLinux:9", "openssl", List.of(new OsvRange(RangeType.ECOSYSTEM,
        List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"), new OsvEvent(OsvEvent.Kind.FIXED, "1:3.0.7-27.el9")))), List.of());
    Advisory alsa = new Advisory("ALSA-2024:2447", List.of(), "Low: openssl", Optional.empty(), Instant.parse("2024-05-07T00:00:00Z"),
        Optional.empty(), List.of(a), List.of(), "AlmaLinux-all.zip", "almalinux9/ALSA-2024:2447.json",
        List.of("CVE-2023-2975", "CVE-2024-0727"));
    MatchResult r = new VulnerabilityMatcher((eco, name) -> List.of(alsa)).match(List.of(new SbomComponent("c",
        Optional.of("library"), Optional.empty(), "openssl", Optional.empty(),
        Optional.of("pkg:rpm/almalinux/openssl@3.0.7-25.el9_3?epoch=1&distro=almalinux-9"), Optional.empty(), List.of(),
        List.of(), Optional.empty(), Optional.empty(), Optional.empty())));
    assertThat(r.matches()).extracting(VulnerabilityMatch::id).containsExactly("CVE-2023-2975", "CVE-2024-0727");
    assertThat(r.matches()).allSatisfy(m -> assertThat(m.provenance()).singleElement()
        .extracting(VulnerabilityMatch.Provenance::advisory).isEqualTo("ALSA-2024:2447"));
  }
}
