package io.vigie.store.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.vuln.match.MatchConfidence;
import io.vigie.core.vuln.match.MatchMethod;
import io.vigie.core.vuln.match.MatchResult;
import io.vigie.core.vuln.match.VulnerabilityMatch;
import io.vigie.core.vuln.match.VulnerabilityMatcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distribution packages matched against the real AlmaLinux errata of ../shared/data (AlmaLinux 8,
 * 9 and 10, OSV JSON): the expected advisories and CVEs were read off the records themselves
 * (their fixed versions and {@code related} lists), not computed by the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistroMatchingTest {

  /** ALSA-2026:25239 (AlmaLinux 9 openssl, fixed 1:3.5.5-4.el9_8) fixes these fifteen. */
  private static final Set<String> ALSA_2026_25239 = Set.of("CVE-2026-7383", "CVE-2026-9076", "CVE-2026-34180",
      "CVE-2026-34181", "CVE-2026-34182", "CVE-2026-34183", "CVE-2026-42764", "CVE-2026-42766", "CVE-2026-42767",
      "CVE-2026-42768", "CVE-2026-42769", "CVE-2026-42770", "CVE-2026-45445", "CVE-2026-45446", "CVE-2026-45447");

  private VulnerabilityDatabase db;
  private VulnerabilityMatcher matcher;

  @BeforeAll
  void importAlmaLinux(@TempDir Path folder) {
    db = VulnerabilityDatabase.open(folder);
    db.importOsv(SharedData.folder().resolve("osv/AlmaLinux-all.zip"));
    matcher = new VulnerabilityMatcher(db::advisoriesFor);
  }

  @AfterAll
  void close() {
    db.close();
  }

  private MatchResult match(String purl) {
    String version = purl.substring(purl.indexOf('@') + 1).replaceFirst("\\?.*", "");
    return matcher.match(List.of(new SbomComponent("c", Optional.of("library"), Optional.empty(), "openssl",
        Optional.of(version), Optional.of(purl), Optional.empty(), List.of(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty())));
  }

  private static Set<String> ids(MatchResult r) {
    return r.matches().stream().map(VulnerabilityMatch::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> advisories(MatchResult r) {
    return r.matches().stream().flatMap(m -> m.provenance().stream()).map(VulnerabilityMatch.Provenance::advisory)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void almaLinux9OpensslOneFixBehindHasTheTwoLatestAdvisoriesAndTheirSixteenCves() {
    MatchResult r = match("pkg:rpm/almalinux/openssl@3.5.5-2.el9_8?arch=x86_64&epoch=1&distro=almalinux-9.8");

    assertThat(r.notChecked()).isEmpty();
    assertThat(advisories(r)).containsExactly("ALSA-2026:22312", "ALSA-2026:25239");
    Set<String> expected = new TreeSet<>(ALSA_2026_25239);
    expected.add("CVE-2026-28390"); // ALSA-2026:22312, fixed 1:3.5.5-3.el9_8
    assertThat(ids(r)).isEqualTo(expected);
    VulnerabilityMatch m = r.matches().stream().filter(x -> x.id().equals("CVE-2026-28390")).findFirst().orElseThrow();
    assertThat(m.ids()).containsExactly("CVE-2026-28390");
    VulnerabilityMatch.Provenance p = m.provenance().get(0);
    assertThat(p.method()).isEqualTo(MatchMethod.DISTRO_ADVISORY);
    assertThat(p.confidence()).isEqualTo(MatchConfidence.HIGH);
    assertThat(p.source()).isEqualTo("AlmaLinux-all.zip");
    assertThat(p.record()).isEqualTo("almalinux9/ALSA-2026:22312.json");
    assertThat(p.rule()).contains("distribution package AlmaLinux:9 openssl 1:3.5.5-2.el9_8")
        .contains("fixed 1:3.5.5-3.el9_8").contains("distro=almalinux-9.8").contains("binary package name openssl")
        .contains("the advisory fixes CVE-2026-28390");
  }

  @Test
  void almaLinux9OpensslAtTheLatestFixHasNothing() {
    MatchResult r = match("pkg:rpm/almalinux/openssl@3.5.5-4.el9_8?arch=x86_64&epoch=1&distro=almalinux-9");
    assertThat(r.matches()).isEmpty();
    assertThat(r.notChecked()).isEmpty();
  }

  @Test
  void theEpochCountsWhetherGivenAsQualifierOrPrefixAndAnExplicitZeroIsBelowEveryFix() {
    assertThat(ids(match("pkg:rpm/almalinux/openssl@1:3.5.5-3.el9_8?distro=almalinux-9"))).isEqualTo(ALSA_2026_25239);
    assertThat(ids(match("pkg:rpm/almalinux/openssl@3.5.5-3.el9_8?epoch=1&distro=almalinux-9")))
        .isEqualTo(ALSA_2026_25239);
    // epoch 0 is older than every 1:… fix: each of the fifteen AlmaLinux 9 openssl advisories applies.
    assertThat(advisories(match("pkg:rpm/almalinux/openssl@3.5.5-4.el9_8?epoch=0&distro=almalinux-9")))
        .hasSize(15).contains("ALSA-2022:6224", "ALSA-2026:25239");
  }

  @Test
  void aMissingEpochTakesTheAdvisorysAndSaysSo() {
    assertThat(match("pkg:rpm/almalinux/openssl@3.5.5-4.el9_8?distro=almalinux-9").matches()).isEmpty();
    MatchResult r = match("pkg:rpm/almalinux/openssl@3.5.5-3.el9_8?distro=almalinux-9");
    assertThat(ids(r)).isEqualTo(ALSA_2026_25239);
    assertThat(r.matches().get(0).provenance().get(0).rule())
        .contains("epoch 1 taken from the advisory (the package URL gives none)");
  }

  @Test
  void theSamePackageOnAlmaLinux8GetsOnlyAlmaLinux8AdvisoriesAndViceVersa() {
    // 1.1.1k is below every AlmaLinux 9 fix (3.x): a cross-match would bring all fifteen of them.
    MatchResult el8 = match("pkg:rpm/almalinux/openssl@1.1.1k-16.el8_6?epoch=1&distro=almalinux-8");
    assertThat(advisories(el8)).containsExactly("ALSA-2026:38503");
    assertThat(ids(el8)).containsExactly("CVE-2026-28390");
    assertThat(el8.matches().get(0).provenance().get(0).record()).isEqualTo("almalinux8/ALSA-2026:38503.json");
    // 3.5.5 is above every AlmaLinux 8 fix (1.1.1k): only the AlmaLinux 9 one still open.
    MatchResult el9 = match("pkg:rpm/almalinux/openssl@3.5.5-3.el9_8?epoch=1&distro=almalinux-9");
    assertThat(advisories(el9)).containsExactly("ALSA-2026:25239");
  }

  @Test
  void theElTagOfTheReleaseGivesTheReleaseWhenThereIsNoDistroQualifier() {
    MatchResult r = match("pkg:rpm/almalinux/openssl@1.1.1k-16.el8_6?epoch=1");
    assertThat(advisories(r)).containsExactly("ALSA-2026:38503");
    assertThat(r.matches().get(0).provenance().get(0).rule()).contains("the el8 dist tag of the version");
  }

  @Test
  void glibcWithoutEpochOnAlmaLinux9HasLooneyTunablesFromItsAdvisory() {
    MatchResult r = match("pkg:rpm/almalinux/glibc@2.34-60.el9_2.6?arch=x86_64&distro=almalinux-9");
    assertThat(ids(r)).contains("CVE-2023-4911", "CVE-2023-4527", "CVE-2023-4806", "CVE-2023-4813", "CVE-2024-2961");
    VulnerabilityMatch looney = r.matches().stream().filter(m -> m.id().equals("CVE-2023-4911")).findFirst().orElseThrow();
    assertThat(looney.provenance()).extracting(VulnerabilityMatch.Provenance::advisory).containsExactly("ALSA-2023:5453");
    // At the fix of that advisory, it is gone, and the later ones remain.
    MatchResult fixed = match("pkg:rpm/almalinux/glibc@2.34-60.el9_2.7?arch=x86_64&distro=almalinux-9");
    assertThat(ids(fixed)).doesNotContain("CVE-2023-4911").contains("CVE-2024-2961");
    assertThat(advisories(fixed)).doesNotContain("ALSA-2023:5453");
  }

  @Test
  void aDistroPackageWithoutARelease_isNotCheckedWithTheReasonAndNeverGuessed() {
    MatchResult r = match("pkg:rpm/openssl@3.5.5-2?epoch=1");
    assertThat(r.matches()).isEmpty();
    assertThat(r.notChecked()).singleElement().satisfies(n ->
        assertThat(n.reason()).contains("give the distro qualifier, e.g. distro=almalinux-9"));
  }

  @Test
  void theStoreQueryKeepsReleasesApart() {
    assertThat(db.advisoriesFor("AlmaLinux:8", "openssl")).extracting(a -> a.id()).hasSize(9)
        .contains("ALSA-2026:38503").doesNotContain("ALSA-2026:25239");
    assertThat(db.advisoriesFor("AlmaLinux", "openssl")).hasSize(9 + 15 + 5);
  }
}
