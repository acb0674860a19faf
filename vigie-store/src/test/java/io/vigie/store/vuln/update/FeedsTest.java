package io.vigie.store.vuln.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedsTest {
  private final Feeds feeds = Feeds.standard();

  @Test
  void officialAddresses() {
    assertThat(feeds.resolve("osv:PyPI", Optional.empty(), Map.of()).url())
        .isEqualTo(URI.create("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"));
    assertThat(feeds.resolve("osv:Rocky Linux", Optional.empty(), Map.of()).url().toString())
        .isEqualTo("https://osv-vulnerabilities.storage.googleapis.com/Rocky%20Linux/all.zip");
    assertThat(feeds.resolve("kev", Optional.empty(), Map.of()).url().toString())
        .isEqualTo("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    assertThat(feeds.resolve("epss", Optional.empty(), Map.of()).url().toString())
        .isEqualTo("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");
  }

  @Test
  void mirrorLayoutAndEnvironmentOverridesWinInThatOrder() {
    Optional<URI> mirror = Optional.of(URI.create("https://mirror.example.org/vigie"));
    assertThat(feeds.resolve("osv:crates.io", mirror, Map.of()).url().toString())
        .isEqualTo("https://mirror.example.org/vigie/osv/crates.io/all.zip");
    assertThat(feeds.resolve("osv:crates.io", mirror, Map.of()).fileName()).isEqualTo("crates.io-all.zip");
    assertThat(feeds.resolve("epss", mirror, Map.of("VIGIE_FEED_EPSS", "https://other.example.org/e.csv.gz")).url().toString())
        .isEqualTo("https://other.example.org/e.csv.gz");
    assertThat(Feeds.envName("osv:PyPI")).isEqualTo("VIGIE_FEED_OSV_PYPI");
    assertThat(Feeds.envName("osv:Rocky Linux")).isEqualTo("VIGIE_FEED_OSV_ROCKY_LINUX");
  }

  @Test
  void unknownOrMalformedFeedsAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> feeds.resolve("nvd", Optional.empty(), Map.of()))
        .hasMessageContaining("unknown feed 'nvd': known feeds are osv:<ecosystem>, kev, epss");
    assertThatThrownBy(() -> feeds.resolve("osv", Optional.empty(), Map.of())).hasMessageContaining("needs an ecosystem");
    assertThatThrownBy(() -> feeds.resolve("osv:../../etc", Optional.empty(), Map.of())).hasMessageContaining("needs an ecosystem");
    assertThatThrownBy(() -> feeds.resolve("kev:x", Optional.empty(), Map.of())).hasMessageContaining("takes no argument");
  }

  @Test
  void ecosystemsInTheDatabaseAreThoseImportedAsAllZip() {
    assertThat(Feeds.osvEcosystemsIn(List.of("PyPI-all.zip", "GHSA-sample", "Go-all.zip", "AlmaLinux-all.zip")))
        .containsExactly("AlmaLinux", "Go", "PyPI");
  }
}
