package io.vigie.store.vuln.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigie.core.vuln.Advisory;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental OSV path of {@code vigie db update}: modified_id.csv, then only the changed
 * records, against a loopback mirror that serves the crates.io records one by one.
 */
class OsvIncrementalUpdateTest {

  private static final String ECO = "crates.io";
  private static final String CSV = "/osv/crates.io/modified_id.csv";
  private static final String ZIP = "/osv/crates.io/all.zip";

  @TempDir Path dataDir;
  private LoopbackMirror mirror;
  private VulnerabilityDatabase db;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void start() {
    mirror = new LoopbackMirror(LoopbackMirror.data());
    mirror.publishRecords(ECO);
    db = VulnerabilityDatabase.open(dataDir);
  }

  @AfterEach
  void stop() {
    db.close();
    mirror.close();
  }

  private FeedOutcome update(int maxChanges) {
    return update(maxChanges, Duration.ofSeconds(20));
  }

  private FeedOutcome update(int maxChanges, Duration timeout) {
    return update(maxChanges, timeout, Clock.systemUTC());
  }

  private FeedOutcome update(int maxChanges, Duration timeout, Clock clock) {
    Feed feed = Feeds.standard().resolve("osv:" + ECO, Optional.of(mirror.base()), Map.of());
    return new FeedUpdater(db, dataDir, new FeedDownloader(timeout, 64L * 1024 * 1024),
        clock, maxChanges, FeedUpdater.DEFAULT_OVERLAP).update(feed, lines::add);
  }

  /** all.zip as the mirror would rebuild it now: every record it serves, changed ones included. */
  private byte[] currentAllZip() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (String id : mirror.listedIds(ECO)) {
        zip.putNextEntry(new java.util.zip.ZipEntry(id + ".json"));
        zip.write(mirror.record(ECO, id).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private FeedOutcome update() {
    return update(FeedUpdater.DEFAULT_MAX_CHANGES);
  }

  private List<String> paths() {
    return mirror.seen.stream().map(s -> s.path() + " " + s.status()).toList();
  }

  /** The three newest records and one new one: newer modified, the second withdrawn. */
  private List<String> changeFourRecords() {
    List<String> ids = mirror.listedIds(ECO).subList(0, 3);
    mirror.putRecord(ECO, ids.get(0), mirror.record(ECO, ids.get(0))
        .replaceFirst("\"modified\"\\s*:\\s*\"[^\"]+\"", "\"modified\": \"2030-01-01T00:00:00Z\"")
        .replaceFirst("\"summary\"\\s*:\\s*\"", "\"summary\": \"CHANGED "));
    mirror.putRecord(ECO, ids.get(1), mirror.record(ECO, ids.get(1))
        .replaceFirst("\"modified\"\\s*:\\s*\"[^\"]+\"",
            "\"modified\": \"2030-01-02T00:00:00Z\", \"withdrawn\": \"2030-01-02T00:00:00Z\""));
    mirror.putRecord(ECO, ids.get(2), mirror.record(ECO, ids.get(2))
        .replaceFirst("\"modified\"\\s*:\\s*\"[^\"]+\"", "\"modified\": \"2030-01-03T00:00:00Z\""));
    mirror.putRecord(ECO, "RUSTSEC-2030-0001", """
        {"id": "RUSTSEC-2030-0001", "modified": "2030-01-04T00:00:00Z", "published": "2030-01-04T00:00:00Z",
         "summary": "A new advisory", "affected": [{"package": {"ecosystem": "crates.io", "name": "vigie-test"},
         "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.0"}]}]}]}
        """);
    List<String> changed = new ArrayList<>(ids);
    changed.add("RUSTSEC-2030-0001");
    return changed;
  }

  @Test
  void afterAFullFirstUpdateOnlyTheChangedRecordsAreDownloadedAndANothingNewUpdateCostsOneRequest() {
    FeedOutcome first = update();
    assertThat(first).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(((FeedOutcome.Updated) first).records()).isEqualTo(714);
    assertThat(paths()).containsExactly(CSV + " 200", ZIP + " 200");
    int before = db.status().advisoriesBySource().get("crates.io-all.zip").intValue();

    List<String> changed = changeFourRecords();
    mirror.seen.clear();
    FeedOutcome second = update();

    assertThat(second).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(((FeedOutcome.Updated) second).records()).isEqualTo(4);
    assertThat(mirror.seen.get(0).path()).isEqualTo(CSV);
    assertThat(mirror.seen.get(0).ifNoneMatch()).startsWith("\""); // conditional on the last csv
    assertThat(paths()).hasSize(5).doesNotContain(ZIP + " 200")
        .containsAll(changed.stream().map(id -> "/osv/crates.io/" + id + ".json 200").toList());
    assertThat(lines).anyMatch(l -> l.startsWith("osv:crates.io: 4 records changed since "));
    assertThat(db.advisory(changed.get(0)).map(Advisory::summary).orElseThrow()).startsWith("CHANGED ");
    assertThat(db.advisory(changed.get(1)).flatMap(Advisory::withdrawn)).isPresent();
    assertThat(db.advisory("RUSTSEC-2030-0001")).isPresent();
    // The records keep the source all.zip gave them: one source per ecosystem, as before.
    assertThat(db.status().advisoriesBySource()).containsEntry("crates.io-all.zip", (long) before + 1);

    mirror.seen.clear();
    var imports = db.status().latestImports();
    FeedOutcome third = update();
    assertThat(third).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(paths()).containsExactly(CSV + " 304");
    assertThat(db.status().latestImports()).isEqualTo(imports);
  }

  @Test
  void aCsvThatChangedWithoutNewerRecordsImportsNothing() {
    update();
    // A rebuilt csv (another ETag) listing the same records, plus an old one outside the overlap:
    // the newest records fall in the overlap but the database holds them at that modified.
    String csv = new String(mirror.file(CSV), StandardCharsets.UTF_8) + "2001-01-01T00:00:00Z,RUSTSEC-2001-0001\n";
    mirror.trick(CSV, new LoopbackMirror.Serve(csv.getBytes(StandardCharsets.UTF_8), "text/csv"));
    mirror.seen.clear();
    var imports = db.status().latestImports();

    assertThat(update()).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(paths()).containsExactly(CSV + " 200");
    assertThat(db.status().latestImports()).isEqualTo(imports);
    assertThat(lines).anyMatch(l -> l.startsWith("osv:crates.io: 0 records changed since "));
  }

  @Test
  void aDamagedRecordInTheBatchLeavesTheDatabaseAsItWasAndIsDownloadedAgainNextTime() {
    update();
    List<String> changed = changeFourRecords();
    String damaged = mirror.record(ECO, changed.get(2));
    mirror.trick("/osv/crates.io/" + changed.get(2) + ".json",
        new LoopbackMirror.Serve(damaged.substring(0, damaged.length() / 2).getBytes(StandardCharsets.UTF_8),
            "application/json"));
    var status = db.status();

    FeedOutcome.Failed failed = (FeedOutcome.Failed) update();
    assertThat(failed.feed().name()).isEqualTo("osv:crates.io");
    assertThat(failed.reason()).contains("damaged").contains(changed.get(2));
    assertThat(db.status()).isEqualTo(status);
    assertThat(db.advisory(changed.get(0)).map(Advisory::summary).orElseThrow()).doesNotStartWith("CHANGED ");
    assertThat(db.advisory("RUSTSEC-2030-0001")).isEmpty();

    mirror.clearTricks();
    mirror.seen.clear();
    assertThat(update()).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(paths()).hasSize(5);
    assertThat(db.advisory("RUSTSEC-2030-0001")).isPresent();
  }

  @Test
  void withoutACsvOrWithTooManyChangesAllZipIsDownloaded() {
    update();
    changeFourRecords();

    mirror.trick(CSV, new LoopbackMirror.Status(404));
    mirror.seen.clear();
    // all.zip, conditional as before: this mirror's all.zip did not change, so 304.
    assertThat(update()).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(paths()).containsExactly(CSV + " 404", ZIP + " 304");
    assertThat(db.advisory("RUSTSEC-2030-0001")).isEmpty();

    mirror.clearTricks();
    mirror.seen.clear();
    update(3);
    assertThat(paths()).containsExactly(CSV + " 200", ZIP + " 304");
    assertThat(lines).anyMatch(l -> l.contains("more than 3 records changed, downloading all.zip"));
  }

  @Test
  void hostileCsvLinesAreRefusedWithTheFeedAndLineAndChangeNothing() {
    update();
    String good = new String(mirror.file(CSV), StandardCharsets.UTF_8);
    var status = db.status();
    Map<String, String> hostile = Map.of(
        "2030-01-01T00:00:00Z,../../etc/passwd\n", "line 1: '../../etc/passwd' is not an OSV ID",
        "2030-01-01T00:00:00Z,https://evil.example/x\n", "line 1: 'https://evil.example/x' is not an OSV ID",
        "2030-01-01T00:00:00Z,A..B\n", "line 1: 'A..B' is not an OSV ID",
        "2030-01-01T00:00:00Z," + "A".repeat(100_000) + "\n", "line 1: the line is longer than 300 bytes",
        "yesterday,RUSTSEC-2030-0001\n", "line 1: 'yesterday' is not an RFC 3339 time",
        "2030-01-01T00:00:00Z RUSTSEC-2030-0001\n", "line 1: expected '<RFC 3339 time>,<ID>'");
    hostile.forEach((line, expected) -> {
      mirror.trick(CSV, new LoopbackMirror.Serve((line + good).getBytes(StandardCharsets.UTF_8), "text/csv"));
      mirror.seen.clear();
      FeedOutcome.Failed failed = (FeedOutcome.Failed) update();
      assertThat(failed.feed().name()).isEqualTo("osv:crates.io");
      assertThat(failed.reason()).startsWith(mirror.base() + "osv/crates.io/modified_id.csv " + expected)
          .endsWith("nothing of this update was imported");
      assertThat(paths()).containsExactly(CSV + " 200"); // nothing else was requested
      assertThat(db.status()).isEqualTo(status);
    });
    // A bad line deep in the file is named by its number.
    mirror.trick(CSV, new LoopbackMirror.Serve((good + "\n2030-01-01T00:00:00Z,a/b\n").getBytes(StandardCharsets.UTF_8),
        "text/csv"));
    assertThat(((FeedOutcome.Failed) update()).reason()).contains("modified_id.csv line 716: 'a/b'");
  }

  @Test
  void aHugeNumberOfChangedLinesFallsBackToOneAllZipDownload() {
    update();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      csv.append("2030-01-01T00:00:00Z,RUSTSEC-2030-").append(i).append('\n');
    }
    mirror.trick(CSV, new LoopbackMirror.Serve(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv"));
    mirror.seen.clear();
    assertThat(update()).isInstanceOf(FeedOutcome.Unchanged.class); // all.zip unchanged: 304
    assertThat(paths()).containsExactly(CSV + " 200", ZIP + " 304");
  }

  // ---- when the incremental path cannot be followed ----

  @Test
  void aServerErrorOnTheCsvFallsBackToAllZipAndTheUpdateIsNotLost() {
    update();
    List<String> changed = changeFourRecords();
    mirror.trick(ZIP, new LoopbackMirror.Serve(currentAllZip(), "application/zip"));
    mirror.trick(CSV, new LoopbackMirror.Status(503));
    mirror.seen.clear();
    lines.clear();

    FeedOutcome out = update();

    assertThat(out).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(((FeedOutcome.Updated) out).records()).isEqualTo(715);
    assertThat(paths()).containsExactly(CSV + " 503", ZIP + " 200");
    assertThat(lines).contains("warning: osv:crates.io: " + mirror.base() + "osv/crates.io/modified_id.csv answered"
        + " HTTP 503 (a server error: try again later); downloading all.zip instead");
    assertThat(db.advisory(changed.get(0)).map(Advisory::summary).orElseThrow()).startsWith("CHANGED ");
    assertThat(db.advisory("RUSTSEC-2030-0001")).isPresent();

    // The csv back: its records are all held at their modified, so nothing is fetched twice.
    mirror.trick(CSV, new LoopbackMirror.Serve(mirror.file(CSV), "text/csv"));
    mirror.seen.clear();
    assertThat(update()).isEqualTo(new FeedOutcome.Unchanged(((FeedOutcome.Updated) out).feed(),
        mirror.base() + "osv/crates.io/modified_id.csv", "no record changed"));
    assertThat(paths()).containsExactly(CSV + " 200");
  }

  @Test
  void aCsvThatTimesOutFallsBackToAllZipAndSaysTheCsvWasNotRead() {
    update();
    mirror.trick(CSV, new LoopbackMirror.Pause(3_000));
    mirror.seen.clear();

    FeedOutcome.Unchanged out = (FeedOutcome.Unchanged) update(FeedUpdater.DEFAULT_MAX_CHANGES, Duration.ofSeconds(1));

    // all.zip did not change, so nothing newer could be had; the outcome says the csv was not read.
    assertThat(out.url()).isEqualTo(mirror.base() + "osv/crates.io/all.zip");
    assertThat(out.why()).isEqualTo("HTTP 304 on all.zip, tried after: modified_id.csv failed: " + mirror.base()
        + "osv/crates.io/modified_id.csv: no response within 1 s");
    assertThat(mirror.seen).extracting(LoopbackMirror.Seen::path).endsWith(ZIP);
  }

  @Test
  void whenAllZipFailsTooTheFeedFailsWithBothReasonsAndTheDatabaseIsAsItWas() {
    update();
    List<String> changed = changeFourRecords();
    var status = db.status();
    mirror.trick(CSV, new LoopbackMirror.Status(503));
    mirror.trick(ZIP, new LoopbackMirror.Status(502));
    mirror.seen.clear();

    FeedOutcome.Failed failed = (FeedOutcome.Failed) update();

    assertThat(failed.url()).isEqualTo(mirror.base() + "osv/crates.io/all.zip");
    assertThat(failed.reason()).isEqualTo(mirror.base() + "osv/crates.io/all.zip answered HTTP 502 (a server error:"
        + " try again later) (tried after: modified_id.csv failed: " + mirror.base() + "osv/crates.io/modified_id.csv"
        + " answered HTTP 503 (a server error: try again later))");
    assertThat(paths()).containsExactly(CSV + " 503", ZIP + " 502");
    assertThat(db.status()).isEqualTo(status);
    assertThat(db.advisory("RUSTSEC-2030-0001")).isEmpty();

    // Nothing was saved: once the server is back, the same four records are fetched.
    mirror.clearTricks();
    mirror.seen.clear();
    assertThat(update()).isInstanceOf(FeedOutcome.Updated.class);
    assertThat(paths()).hasSize(5).containsAll(changed.stream().map(id -> "/osv/crates.io/" + id + ".json 200").toList());
  }

  @Test
  void aRecordDeletedUpstreamIsSkippedWithAWarningAndAskedForAgainNextTime() {
    update();
    List<String> changed = changeFourRecords();
    String gone = changed.get(3); // RUSTSEC-2030-0001, the newest
    mirror.trick("/osv/crates.io/" + gone + ".json", new LoopbackMirror.Status(404));
    lines.clear();

    FeedOutcome.Updated out = (FeedOutcome.Updated) update();

    assertThat(out.records()).isEqualTo(3);
    assertThat(out.skipped()).isEqualTo(1);
    assertThat(lines).contains("warning: osv:crates.io: " + gone + " is listed in modified_id.csv but " + mirror.base()
        + "osv/crates.io/" + gone + ".json answered 404 (deleted upstream, or not published yet): skipped, asked for"
        + " again next update");
    assertThat(db.advisory(changed.get(0)).map(Advisory::summary).orElseThrow()).startsWith("CHANGED ");
    assertThat(db.advisory(gone)).isEmpty();

    // Published after all: the next update asks for it (the csv unconditionally, only that record).
    mirror.clearTricks();
    mirror.seen.clear();
    FeedOutcome.Updated next = (FeedOutcome.Updated) update();
    assertThat(next.records()).isEqualTo(1);
    assertThat(paths()).containsExactly(CSV + " 200", "/osv/crates.io/" + gone + ".json 200");
    assertThat(mirror.seen.get(0).ifNoneMatch()).isNull();
    assertThat(db.advisory(gone)).isPresent();

    // And then back to one conditional request.
    mirror.seen.clear();
    assertThat(update()).isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(paths()).containsExactly(CSV + " 304");
  }

  @Test
  void aRecordStill404AWeekOfChangesLaterIsTakenAsDeletedAndNoLongerHoldsTheUpdatesBack() {
    // The feed's clock is early 2030 here, so that the changed records' times are not in the future.
    Clock february2030 = Clock.fixed(java.time.Instant.parse("2030-02-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    update(FeedUpdater.DEFAULT_MAX_CHANGES, Duration.ofSeconds(20), february2030);
    List<String> changed = changeFourRecords(); // modified 2030-01-01 to 2030-01-04
    mirror.putRecord(ECO, "RUSTSEC-2030-0002", """
        {"id": "RUSTSEC-2030-0002", "modified": "2030-01-20T00:00:00Z", "published": "2030-01-20T00:00:00Z",
         "summary": "A later advisory", "affected": [{"package": {"ecosystem": "crates.io", "name": "vigie-test"},
         "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}]}
        """);
    String deleted = changed.get(0); // modified 2030-01-01: 19 days before the csv's newest
    String late = changed.get(3); // 2030-01-04: 16 days before, but asked for at the same time as the other
    mirror.trick("/osv/crates.io/" + deleted + ".json", new LoopbackMirror.Status(404));
    lines.clear();

    FeedOutcome.Updated out = (FeedOutcome.Updated) update(FeedUpdater.DEFAULT_MAX_CHANGES, Duration.ofSeconds(20),
        february2030);

    assertThat(out.records()).isEqualTo(4);
    assertThat(out.skipped()).isEqualTo(1);
    assertThat(lines).contains("warning: osv:crates.io: " + deleted + " is listed in modified_id.csv as modified on"
        + " 2030-01-01T00:00:00Z but " + mirror.base() + "osv/crates.io/" + deleted + ".json answered 404, with records"
        + " modified more than 7 days later listed: taken as deleted upstream, skipped, not asked for again");
    assertThat(db.advisory(late)).isPresent();
    assertThat(db.advisory("RUSTSEC-2030-0002")).isPresent();

    // The watermark went past it and the csv's validators were kept: one conditional request.
    mirror.seen.clear();
    assertThat(update(FeedUpdater.DEFAULT_MAX_CHANGES, Duration.ofSeconds(20), february2030))
        .isInstanceOf(FeedOutcome.Unchanged.class);
    assertThat(paths()).containsExactly(CSV + " 304");

    // A line dated far ahead of the machine's clock does not make a recent 404 look gone: with the
    // system's clock (2026), every 2030 line is such a line, and the same record is asked for again.
    db.close();
    db = VulnerabilityDatabase.open(dataDir.resolve("fresh"));
    update();
    changeFourRecords();
    mirror.seen.clear();
    lines.clear();
    FeedOutcome.Updated now = (FeedOutcome.Updated) update();
    assertThat(now.skipped()).isEqualTo(1);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(deleted + " is listed in modified_id.csv but")
        .endsWith("asked for again next update"));
  }

  @Test
  void aMirrorWithoutRecordFilesOrARecordServerErrorFallsBackToAllZip() {
    update();
    List<String> changed = changeFourRecords();
    changed.forEach(id -> mirror.trick("/osv/crates.io/" + id + ".json", new LoopbackMirror.Status(404)));
    mirror.seen.clear();
    lines.clear();

    FeedOutcome.Unchanged unchanged = (FeedOutcome.Unchanged) update();
    assertThat(unchanged.why()).isEqualTo("HTTP 304 on all.zip, tried after: none of the 4 changed records is served as"
        + " <ID>.json beside modified_id.csv (all 404)");
    assertThat(paths()).hasSize(6).startsWith(CSV + " 200").endsWith(ZIP + " 304");

    mirror.clearTricks();
    mirror.trick("/osv/crates.io/" + changed.get(1) + ".json", new LoopbackMirror.Status(500));
    mirror.trick(ZIP, new LoopbackMirror.Serve(currentAllZip(), "application/zip"));
    mirror.seen.clear();
    lines.clear();

    FeedOutcome viaZipOut = update();
    assertThat(viaZipOut).isInstanceOf(FeedOutcome.Updated.class);
    FeedOutcome.Updated viaZip = (FeedOutcome.Updated) viaZipOut;
    assertThat(viaZip.records()).isEqualTo(715);
    assertThat(paths()).contains("/osv/crates.io/" + changed.get(1) + ".json 500").endsWith(ZIP + " 200");
    assertThat(lines).anyMatch(l -> l.startsWith("warning: osv:crates.io: " + mirror.base() + "osv/crates.io/"
        + changed.get(1) + ".json answered HTTP 500") && l.endsWith("; downloading all.zip instead"));
    assertThat(db.advisory("RUSTSEC-2030-0001")).isPresent();
    assertThat(db.advisory(changed.get(1)).flatMap(Advisory::withdrawn)).isPresent();
  }
}
