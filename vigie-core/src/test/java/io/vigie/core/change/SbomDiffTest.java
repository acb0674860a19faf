package io.vigie.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.sbom.Sbom;
import io.vigie.core.sbom.SbomComponent;
import io.vigie.core.sbom.SbomFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SbomDiffTest {
  private static SbomComponent lib(String purlBase, String name, String version, String... licences) {
    return new SbomComponent(name, Optional.of("library"), Optional.empty(), name, Optional.of(version),
        Optional.of(purlBase + "@" + version), Optional.empty(), List.of(), List.of(licences), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  private static Optional<Sbom> bom(SbomComponent... components) {
    return Optional.of(new Sbom(SbomFormat.CYCLONEDX, "1.5", Optional.empty(), Optional.empty(), List.of(components),
        List.of(), List.of(), Optional.empty(), "test"));
  }

  @Test
  void upgradesAndDowngradesFollowTheEcosystemsOwnOrderNotTheAlphabet() {
    var before = bom(lib("pkg:pypi/django", "django", "4.2rc1"), lib("pkg:npm/semver", "semver", "7.5.10"));
    var after = bom(lib("pkg:pypi/django", "django", "4.2"), lib("pkg:npm/semver", "semver", "7.5.9"));

    List<PackageChange> changes = SbomDiff.between("sboms/app.cdx.json", before, after);

    assertThat(changes).extracting(PackageChange::name, PackageChange::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("django", PackageChange.Kind.UPGRADED),
        org.assertj.core.groups.Tuple.tuple("semver", PackageChange.Kind.DOWNGRADED));
  }

  @Test
  void addedRemovedAndLicenceChangesAreReportedAndUnchangedPackagesAreNot() {
    var before = bom(lib("pkg:maven/org.x/a", "a", "1.0", "MIT"), lib("pkg:maven/org.x/gone", "gone", "1.0"),
        lib("pkg:maven/org.x/same", "same", "2.0"));
    var after = bom(lib("pkg:maven/org.x/a", "a", "1.0", "GPL-3.0-only"), lib("pkg:maven/org.x/new", "new", "0.1"),
        lib("pkg:maven/org.x/same", "same", "2.0"));

    assertThat(SbomDiff.between("s", before, after)).extracting(PackageChange::name, PackageChange::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", PackageChange.Kind.LICENCE_CHANGED),
        org.assertj.core.groups.Tuple.tuple("gone", PackageChange.Kind.REMOVED),
        org.assertj.core.groups.Tuple.tuple("new", PackageChange.Kind.ADDED));
  }

  @Test
  void aVersionTheEcosystemCannotOrderIsAChangeNotAGuess() {
    var before = bom(lib("pkg:generic/firmware-blob", "fw", "build-17"));
    var after = bom(lib("pkg:generic/firmware-blob", "fw", "build-9"));

    assertThat(SbomDiff.between("s", before, after)).singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(PackageChange.Kind.CHANGED));
  }

  @Test
  void aNewSbomMakesEveryPackageAnAddition() {
    assertThat(SbomDiff.between("s", Optional.empty(), bom(lib("pkg:cargo/serde", "serde", "1.0.200"))))
        .extracting(PackageChange::kind).containsExactly(PackageChange.Kind.ADDED);
  }
}
