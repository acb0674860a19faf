package io.vigie.store.vuln.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.store.vuln.DatabaseStatus;
import io.vigie.store.vuln.ImportRecord;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie db update} against a real HTTP server on 127.0.0.1 serving ../shared/data. */
class FeedUpdaterTest {

  private static final List<String> FEEDS = List.of("osv:PyPI", "osv:Go", "kev", "epss");

  @TempDir Path dataDir;
  private LoopbackMirror mirror;
  private VulnerabilityDatabase db;
  private final List<String> lines = new ArrayList<>();
  private final FeedUpdater.Listener listener = lines::add;

  @BeforeEach
  void start() {
    mirror = new LoopbackMirror(LoopbackMirror.data());
    db = VulnerabilityDatabase.open(dataDir);
  }

  @AfterEach
  void stop() {
    db.close();
    mirror.close();
  }

  private List<Feed> feeds(String... names) {
    return Arrays.stream(names).map(n -> Feeds.standard().resolve(n, Optional.of(mirror.base()), Map.of())).toList();
  }

  private List<FeedOutcome> update(Duration timeout, long maxBytes, String... names) {
    return new FeedUpdater(db, dataDir, new FeedDownloader(timeout, maxBytes), Clock.systemUTC())
        .update(feeds(names), listener);
  }

  private List<FeedOutcome> update(String... names) {
    return update(Duration.ofSeconds(20), 512L * 1024 * 1024, names);
  }

  private static long jsonEntries(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().filter(e -> e.getName().endsWith(".json")).count();
    }
  }

  private FeedOutcome.Failed failed(FeedOutcome o) {
    assertThat(o).isInstanceOf(FeedOutcome.Failed.class);
    return (FeedOutcome.Failed) o;
  }

  @Test
  void firstUpdateImportsEveryFeedThenTheSecondIsAll304AndATruncatedZipChangesNothing() throws IOException {
    Path data = LoopbackMirror.data();
    List<FeedOutcome> first = update(FEEDS.toArray(String[]::new));

    assertThat(first).allSatisfy(o -> assertThat(o).isInstanceOf(FeedOutcome.Updated.class));
    assertThat(((FeedOutcome.Updated) first.get(0)).records()).isEqualTo(jsonEntries(data.resolve("osv/PyPI-all.zip")));
    assertThat(((FeedOutcome.Updated) first.get(1)).records()).isEqualTo(jsonEntries(data.resolve("osv/Go-all.zip")));
    assertThat(((FeedOutcome.Updated) first.get(2)).records()).isEqualTo(1404);
    assertThat(((FeedOutcome.Updated) first.get(3)).records()).isEqualTo(534);
    assertThat(((FeedOutcome.Updated) first.get(1)).bytes()).isEqualTo(Files.size(data.resolve("osv/Go-all.zip")));
    DatabaseStatus before = db.status();
    // The advisories' source is the feed's usual file name; the import's origin is the URL.
    assertThat(before.advisoriesBySource()).containsKeys("PyPI-all.zip", "Go-all.zip");
    assertThat(before.latestImports()).extracting(ImportRecord::origin)
        .contains(mirror.base() + "osv/Go/all.zip", mirror.base() + "kev/known_exploited_vulnerabilities.json");
    assertThat(db.feedStates().get(mirror.base() + "kev/known_exploited_vulnerabilities.json")).hasValueSatisfying(s ->
        assertThat(s.lastModified()).contains(LoopbackMirror.LAST_MODIFIED));
    assertNoDownloadLeftIn(dataDir);

    mirror.seen.clear();
    List<FeedOutcome> second = update(FEEDS.toArray(String[]::new));
    assertThat(second).allSatisfy(o -> assertThat(o).isInstanceOf(FeedOutcome.Unchanged.class));
    // This mirror has no modified_id.csv: each OSV feed asks for it (404), then for all.zip as before.
    assertThat(mirror.seen).filteredOn(s -> s.path().endsWith("/modified_id.csv"))
        .extracting(LoopbackMirror.Seen::status).containsExactly(404, 404);
    assertThat(mirror.seen).filteredOn(s -> !s.path().endsWith("/modified_id.csv")).hasSize(4).allSatisfy(s -> {
      assertThat(s.ifNoneMatch()).startsWith("\"");
      assertThat(s.ifModifiedSince()).isEqualTo(LoopbackMirror.LAST_MODIFIED);
      assertThat(s.status()).isEqualTo(304);
    });
    assertThat(db.status().latestImports()).isEqualTo(before.latestImports()); // no import ran

    // Third run: the Go archive changed on the server but arrives cut in half.
    byte[] go = mirror.file("/osv/Go/all.zip");
    mirror.trick("/osv/Go/all.zip", new LoopbackMirror.Serve(Arrays.copyOf(go, go.length / 2), "application/zip"));
    List<FeedOutcome> third = update(FEEDS.toArray(String[]::new));
    assertThat(third.get(0)).isInstanceOf(FeedOutcome.Unchanged.class);
    FeedOutcome.Failed goFailed = failed(third.get(1));
    assertThat(goFailed.feed().name()).isEqualTo("osv:Go");
    assertThat(goFailed.reason()).contains("damaged").contains("Go-all.zip");
    assertThat(third.get(2)).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(third.get(3)).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(db.status()).isEqualTo(before);
    assertThat(db.advisory("GO-2022-0969")).isPresent();
    assertNoDownloadLeftIn(dataDir);
    // The failed feed kept its old validators: the next good copy is fetched conditionally, not lost.
    mirror.clearTricks();
    assertThat(update("osv:Go")).singleElement().isInstanceOf(FeedOutcome.Unchanged.class);
  }

  @Test
  void aServerErrorIsReportedWithItsStatusAndTheOtherFeedsStillUpdate() {
    mirror.trick("/kev/known_exploited_vulnerabilities.json", new LoopbackMirror.Status(500));
    List<FeedOutcome> r = update("kev", "epss");
    assertThat(failed(r.get(0)).reason()).contains("answered HTTP 500").contains("server error");
    assertThat(r.get(1)).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(db.status().kevEntries()).isZero();
    assertThat(db.status().epssScores()).isEqualTo(534);
  }

  @Test
  void noResponseAndAStalledBodyTimeOut() {
    mirror.trick("/kev/known_exploited_vulnerabilities.json", new LoopbackMirror.Pause(4000));
    mirror.trick("/osv/PyPI/all.zip", new LoopbackMirror.Stall(100_000, 4000));
    long start = System.nanoTime();
    List<FeedOutcome> r = update(Duration.ofSeconds(1), 512L * 1024 * 1024, "kev", "osv:PyPI");
    assertThat(failed(r.get(0)).reason()).contains("no response within 1 s");
    assertThat(failed(r.get(1)).reason()).contains("no data for 1 s").contains("after 100000 bytes");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    assertThat(db.status().advisories()).isZero();
  }

  @Test
  void aRedirectToPlainHttpElsewhereIsRefusedButOneWithinTheLoopbackMirrorIsFollowed() {
    mirror.trick("/kev/known_exploited_vulnerabilities.json", new LoopbackMirror.Redirect("http://feeds.example.org/kev.json"));
    mirror.trick("/epss/epss_scores-current.csv.gz", new LoopbackMirror.Redirect("/epss/moved.csv.gz"));
    mirror.trick("/epss/moved.csv.gz", new LoopbackMirror.Serve(
        mirror.file("/epss/epss_scores-current.csv.gz"), "application/gzip"));
    List<FeedOutcome> r = update("kev", "epss");
    assertThat(failed(r.get(0)).reason())
        .contains("redirected to http://feeds.example.org/kev.json: refused, redirects are followed only to https");
    assertThat(r.get(1)).isInstanceOf(FeedOutcome.Updated.class);
  }

  @Test
  void aBodyOverTheLimitIsCutOffNotRead() {
    List<FeedOutcome> r = update(Duration.ofSeconds(20), 200_000, "kev");
    assertThat(failed(r.get(0)).reason()).contains("larger than the limit of 200000 bytes");
    assertThat(db.status().kevEntries()).isZero();
    assertNoDownloadLeftIn(dataDir);
  }

  @Test
  void anHtmlPageServedWith200IsNamedForWhatItIs() {
    byte[] html = "<!DOCTYPE html><html><body>Please log in</body></html>".getBytes();
    mirror.trick("/osv/PyPI/all.zip", new LoopbackMirror.Serve(html, "text/html"));
    mirror.trick("/kev/known_exploited_vulnerabilities.json", new LoopbackMirror.Serve(html, "text/html"));
    mirror.trick("/epss/epss_scores-current.csv.gz", new LoopbackMirror.Serve("CVE,epss\n".getBytes(), "text/csv"));
    List<FeedOutcome> r = update("osv:PyPI", "kev", "epss");
    assertThat(failed(r.get(0)).reason()).contains("HTML").contains("not a zip archive");
    assertThat(failed(r.get(1)).reason()).contains("HTML").contains("not a JSON object");
    assertThat(failed(r.get(2)).reason()).contains("not a gzipped EPSS CSV");
    assertThat(db.status().advisories()).isZero();
  }

  @Test
  void aJsonThatIsNotTheKevCatalogIsRefusedByTheImporter() {
    mirror.trick("/kev/known_exploited_vulnerabilities.json", new LoopbackMirror.Serve("{\"error\":\"quota\"}".getBytes(),
        "application/json"));
    assertThat(failed(update("kev").get(0)).reason()).contains("damaged");
  }

  @Test
  void aMissingEcosystemIs404WithAHint() {
    assertThat(failed(update("osv:Nope").get(0)).reason()).contains("HTTP 404").contains("mirror layout");
  }

  @Test
  void plainHttpToAnotherHostIsWarnedAbout() {
    Feed feed = Feeds.standard().resolve("kev", Optional.empty(),
        Map.of("VIGIE_FEED_KEV", "http://192.0.2.1:9/kev.json"));
    new FeedUpdater(db, dataDir, new FeedDownloader(Duration.ofSeconds(1), 1000), Clock.systemUTC())
        .update(List.of(feed), listener);
    assertThat(lines).anyMatch(l -> l.contains("warning: kev is downloaded over plain http from 192.0.2.1"));
  }

  private static void assertNoDownloadLeftIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("download-"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
