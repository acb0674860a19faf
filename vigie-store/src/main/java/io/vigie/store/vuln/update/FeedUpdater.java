package io.vigie.store.vuln.update;

import io.vigie.core.validation.InvalidInputException;
import io.vigie.core.validation.Problem;
import io.vigie.store.vuln.FeedState;
import io.vigie.store.vuln.ImportListener;
import io.vigie.store.vuln.ImportResult;
import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Updates the database from feeds, one after the other: for each, a conditional download (a 304
 * costs nothing) to a temporary folder inside the data folder, a check of the first bytes, the
 * import in one transaction, then the feed's validators saved and the file deleted. A feed that
 * fails — network, HTTP status, timeout, size, damaged content — is reported with its reason and
 * leaves the database as it was for that feed; the others still update.
 */
public final class FeedUpdater {

  /** Hears how the update goes: progress lines (bytes downloaded) and warnings. */
  public interface Listener extends ImportListener {
    /** {@code bytes} downloaded so far for {@code feed}. */
    default void downloaded(Feed feed, long bytes) {}

    default void warning(String message) {
      progress("warning: " + message);
    }
  }

  private final VulnerabilityDatabase database;
  private final Path dataDir;
  private final FeedDownloader downloader;
  private final Clock clock;
  private final int maxChanges;
  private final Duration overlap;

  /**
   * One request per record: past a couple of thousand, the round trips (each a TLS request of a
   * few kB) cost more than the one all.zip download (PyPI's is tens of MB in a single stream).
   */
  public static final int DEFAULT_MAX_CHANGES = 2_000;

  /**
   * A record can reach the bucket after a newer one was already listed (its {@code modified} comes
   * from its source, and export runs later): records up to this long before the watermark are
   * looked at again, and those the database already holds at that {@code modified} are skipped.
   */
  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

  /**
   * How long a record listed in modified_id.csv may answer 404 before it is taken as deleted: its
   * {@code modified} this far before the csv's newest. A mirror that lags catches up within hours;
   * without a limit, one record deleted upstream held the watermark back for good, so every later
   * update downloaded the whole csv again and looked every change since up in the database, and
   * once ten times {@link #DEFAULT_MAX_CHANGES} had changed since, fetched all.zip. Measured on the
   * feed's own timestamps; this machine's clock only sets aside a line dated more than a day ahead
   * of it.
   */
  public static final Duration MISSING_FOR_GOOD = Duration.ofDays(7);

  public FeedUpdater(VulnerabilityDatabase database, Path dataDir, FeedDownloader downloader, Clock clock) {
    this(database, dataDir, downloader, clock, DEFAULT_MAX_CHANGES, DEFAULT_OVERLAP);
  }

  /**
   * {@code maxChanges}: above this many changed OSV records, all.zip is downloaded instead of each
   * record; {@code overlap}: how far before the last watermark changed records are looked for.
   */
  public FeedUpdater(VulnerabilityDatabase database, Path dataDir, FeedDownloader downloader, Clock clock,
      int maxChanges, Duration overlap) {
    this.database = database;
    this.dataDir = dataDir;
    this.downloader = downloader;
    this.clock = clock;
    this.maxChanges = maxChanges;
    this.overlap = overlap;
  }

  public List<FeedOutcome> update(List<Feed> feeds, Listener listener) {
    List<FeedOutcome> out = new ArrayList<>();
    for (Feed feed : feeds) {
      out.add(update(feed, listener));
    }
    return out;
  }

  public FeedOutcome update(Feed feed, Listener listener) {
    String url = feed.url().toString();
    String scheme = feed.url().getScheme() == null ? "" : feed.url().getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return new FeedOutcome.Failed(feed, url, "only https (or http) URLs can be downloaded, not " + url);
    }
    if (scheme.equals("http") && !FeedDownloader.isLoopback(feed.url().getHost())) {
      listener.warning(feed.name() + " is downloaded over plain http from " + feed.url().getHost()
          + ": anyone on the path can change it; use https");
    }
    long started = System.nanoTime();
    Path folder = null;
    Optional<URI> csvUrl = modifiedIdsUrl(feed);
    String failedUrl = url;
    // Why the incremental path gave way to all.zip after a transport failure: told with all.zip's
    // outcome, so that a user sees the incremental check did not happen.
    Optional<String> fellBack = Optional.empty();
    try {
      folder = Files.createTempDirectory(dataDir, "download-");
      Optional<List<ModifiedIds.Entry>> changes = Optional.empty();
      Optional<FeedDownloader.Downloaded> csvDownload = Optional.empty();
      if (csvUrl.isPresent()) {
        failedUrl = csvUrl.get().toString();
        Optional<FeedState> csvState = database.feedStates().get(failedUrl);
        Path csv = folder.resolve("modified_id.csv");
        listener.progress(feed.name() + ": " + failedUrl + (csvState.isPresent() ? " (conditional)" : ""));
        FeedDownloader.Result r;
        try {
          r = downloader.download(csvUrl.get(), csv, csvState.flatMap(FeedState::etag),
              csvState.flatMap(FeedState::lastModified), bytes -> listener.downloaded(feed, bytes));
        } catch (FeedException e) {
          // Any failure to fetch the csv (404, 5xx, 429, timeout, connection, size, redirect) leaves
          // all.zip to try: the csv only saves work, all.zip holds the whole feed. A csv that arrives
          // but breaks the rules (ModifiedIds) still fails the feed: it is not a transient fault.
          if (e.status() == 404) {
            listener.progress(feed.name() + ": the server has no modified_id.csv, downloading all.zip");
          } else {
            fellBack = Optional.of("modified_id.csv failed: " + e.getMessage());
            listener.warning(feed.name() + ": " + e.getMessage() + "; downloading all.zip instead");
          }
          r = null;
        }
        if (r instanceof FeedDownloader.NotModified && csvState.isPresent()) {
          return new FeedOutcome.Unchanged(feed, failedUrl);
        }
        if (r instanceof FeedDownloader.Downloaded d) {
          csvDownload = Optional.of(d);
          List<ModifiedIds.Entry> entries = ModifiedIds.read(csv, failedUrl);
          changes = Optional.of(entries);
          if (csvState.isPresent()) {
            Instant since = csvState.get().updated();
            List<ModifiedIds.Entry> changed = notHeld(changedSince(entries, since.minus(overlap)));
            listener.progress(feed.name() + ": " + changed.size() + " records changed since " + since);
            if (changed.isEmpty()) {
              saveWatermark(feed, failedUrl, d, entries, since, Optional.empty());
              return new FeedOutcome.Unchanged(feed, failedUrl, "no record changed");
            }
            if (changed.size() <= maxChanges) {
              try {
                return incremental(feed, csvUrl.get(), d, entries, changed, since, folder, listener, started);
              } catch (RecordsUnavailable e) {
                fellBack = Optional.of(e.getMessage());
                listener.warning(feed.name() + ": " + e.getMessage() + "; downloading all.zip instead");
                // The csv's records are not applied: all.zip below brings them, and the watermark
                // is saved only if it does, as on a first update.
              }
            } else {
              listener.progress(feed.name() + ": more than " + maxChanges + " records changed, downloading all.zip");
            }
          }
        }
      }
      failedUrl = url;
      FeedOutcome out = full(feed, folder, listener, started);
      if (out instanceof FeedOutcome.Updated && changes.isPresent()) {
        // The csv was read before all.zip, so whatever all.zip holds beyond it is fetched again next time.
        saveWatermark(feed, csvUrl.get().toString(), csvDownload.get(), changes.get(), Instant.EPOCH, Optional.empty());
      }
      if (fellBack.isPresent()) {
        if (out instanceof FeedOutcome.Failed f) {
          return new FeedOutcome.Failed(feed, f.url(), f.reason() + " (tried after: " + fellBack.get() + ")");
        }
        if (out instanceof FeedOutcome.Unchanged u) {
          // all.zip as last imported, so nothing newer can be had from it; the csv is asked again next time.
          return new FeedOutcome.Unchanged(feed, u.url(), u.why() + " on all.zip, tried after: " + fellBack.get());
        }
      }
      return out;
    } catch (FeedException e) {
      String reason = e.getMessage();
      if (fellBack.isPresent() && failedUrl.equals(url)) {
        reason += " (tried after: " + fellBack.get() + ")";
      }
      return new FeedOutcome.Failed(feed, failedUrl, reason);
    } catch (InvalidInputException e) {
      return new FeedOutcome.Failed(feed, failedUrl, "the downloaded file is damaged, nothing of it was imported: "
          + String.join("; ", e.problems().stream().map(Problem::toString).toList()));
    } catch (IOException | UncheckedIOException e) {
      return new FeedOutcome.Failed(feed, failedUrl, "cannot write the download in " + dataDir + ": " + e.getMessage());
    } finally {
      delete(folder);
    }
  }

  /**
   * The changed records cannot be fetched one by one (a record's request failed other than by a
   * 404, or every record was 404: a mirror without the per-record files); all.zip is tried instead.
   */
  private static final class RecordsUnavailable extends Exception {
    RecordsUnavailable(String message) {
      super(message);
    }
  }

  /** The whole file of the feed, conditional on the validators of the last update. */
  private FeedOutcome full(Feed feed, Path folder, Listener listener, long started) throws FeedException, IOException {
    String url = feed.url().toString();
    Optional<FeedState> state = database.feedStates().get(url);
    Path file = folder.resolve(feed.fileName());
    listener.progress(feed.name() + ": " + url + (state.isPresent() ? " (conditional)" : ""));
    FeedDownloader.Result r = downloader.download(feed.url(), file,
        state.flatMap(FeedState::etag), state.flatMap(FeedState::lastModified),
        bytes -> listener.downloaded(feed, bytes));
    if (r instanceof FeedDownloader.NotModified) {
      return new FeedOutcome.Unchanged(feed, url);
    }
    FeedDownloader.Downloaded d = (FeedDownloader.Downloaded) r;
    String problem = feed.kind().magic().problemWith(head(file));
    if (problem != null) {
      return new FeedOutcome.Failed(feed, url, problem);
    }
    database.recordOriginAs(file, url);
    ImportResult imported;
    try {
      imported = feed.kind().importer().importFile(database, file, listener);
    } finally {
      database.forgetOrigin(file);
    }
    database.feedStates().put(new FeedState(url, feed.name(), d.etag(), d.lastModified(), clock.instant()));
    return new FeedOutcome.Updated(feed, url, imported.records(), imported.skipped(), d.bytes(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Downloads each changed record as {@code <ID>.json} into a folder named like the feed's file
   * ({@code PyPI-all.zip/}, so the records keep the source the all.zip gave them) and imports the
   * folder in one {@code importOsv} call: one transaction, newer {@code modified} wins, and a
   * damaged record leaves the database as it was.
   *
   * <p>A record that is 404 (deleted upstream between the csv and the request, or not there yet on
   * a mirror) is skipped with a warning and the others imported; the watermark then stops short of
   * it and the csv's validators are not kept, so it is asked for again next time (the records
   * already held cost no request). One still 404 although the csv lists records modified {@link
   * #MISSING_FOR_GOOD} after it is taken as deleted upstream: skipped with a warning that says so,
   * and no longer holding the watermark back. When every record is 404, or one fails otherwise
   * (5xx, timeout…), {@link RecordsUnavailable}: all.zip.
   */
  private FeedOutcome incremental(Feed feed, URI csvUrl, FeedDownloader.Downloaded csv,
      List<ModifiedIds.Entry> entries, List<ModifiedIds.Entry> changed, Instant since, Path folder,
      Listener listener, long started) throws FeedException, IOException, RecordsUnavailable {
    List<ModifiedIds.Entry> wanted = changed;
    listener.progress(feed.name() + ": downloading " + wanted.size() + " records from " + csvUrl.resolve("."));
    // In a folder of its own: all.zip, when it is the fallback, is downloaded beside it under the
    // same name as this folder.
    Path records = Files.createDirectories(folder.resolve("records").resolve(feed.fileName()));
    long bytes = csv.bytes();
    List<ModifiedIds.Entry> missing = new ArrayList<>();
    int gone = 0;
    // The csv's newest time, as for the watermark: one bad line must not make every missing record
    // look gone.
    Instant newest = entries.stream().map(ModifiedIds.Entry::modified).filter(this::believable)
        .max(Comparator.naturalOrder()).orElse(Instant.MIN);
    for (ModifiedIds.Entry e : wanted) {
      URI url = csvUrl.resolve("./" + e.id() + ".json"); // "./": an ID with a colon is not a scheme
      Path file = records.resolve(e.id() + ".json");
      long before = bytes;
      FeedDownloader.Result r;
      try {
        r = downloader.download(url, file, Optional.empty(), Optional.empty(),
            b -> listener.downloaded(feed, before + b));
      } catch (FeedException failed) {
        Files.deleteIfExists(file);
        if (failed.status() != 404) {
          throw new RecordsUnavailable(failed.getMessage());
        }
        if (e.modified().plus(MISSING_FOR_GOOD).isBefore(newest)) {
          gone++;
          listener.warning(feed.name() + ": " + e.id() + " is listed in modified_id.csv as modified on "
              + e.modified() + " but " + url + " answered 404, with records modified more than "
              + MISSING_FOR_GOOD.toDays() + " days later listed: taken as deleted upstream, skipped, not asked for again");
          continue;
        }
        missing.add(e);
        listener.warning(feed.name() + ": " + e.id() + " is listed in modified_id.csv but " + url
            + " answered 404 (deleted upstream, or not published yet): skipped, asked for again next update");
        continue;
      }
      if (!(r instanceof FeedDownloader.Downloaded d)) {
        throw new FeedException(url + " answered 304 to an unconditional request");
      }
      String problem = Feeds.json(head(file));
      if (problem != null) {
        throw new FeedException(url + ": " + problem + "; nothing of this update was imported");
      }
      bytes += d.bytes();
    }
    if (missing.size() + gone == wanted.size()) {
      throw new RecordsUnavailable("none of the " + wanted.size() + " changed records is served as <ID>.json"
          + " beside modified_id.csv (all 404)");
    }
    database.recordOriginAs(records, csvUrl.toString());
    ImportResult imported;
    try {
      imported = database.importOsv(listener, records);
    } finally {
      database.forgetOrigin(records);
    }
    Optional<Instant> cap = missing.stream().map(ModifiedIds.Entry::modified).min(Comparator.naturalOrder())
        .map(t -> t.minusNanos(1));
    saveWatermark(feed, csvUrl.toString(), csv, entries, since, cap);
    return new FeedOutcome.Updated(feed, csvUrl.toString(), imported.records(), imported.skipped() + missing.size() + gone,
        bytes, (System.nanoTime() - started) / 1_000_000);
  }

  /** Those the database does not hold at this {@code modified} or later (the overlap finds some it has). */
  private List<ModifiedIds.Entry> notHeld(List<ModifiedIds.Entry> changed) {
    if (changed.size() > 10 * maxChanges) {
      return changed; // all.zip anyway: no need to look them up
    }
    Map<String, Instant> stored = database.storedModified(changed.stream().map(ModifiedIds.Entry::id).toList());
    return changed.stream()
        .filter(e -> stored.get(e.id()) == null || stored.get(e.id()).isBefore(e.modified()))
        .toList();
  }

  /** The records of the csv modified after {@code cutoff}, one per ID (its newest line). */
  private static List<ModifiedIds.Entry> changedSince(List<ModifiedIds.Entry> entries, Instant cutoff) {
    Map<String, ModifiedIds.Entry> byId = new LinkedHashMap<>();
    for (ModifiedIds.Entry e : entries) {
      if (e.modified().isAfter(cutoff)) {
        byId.merge(e.id(), e, (a, b) -> a.modified().isAfter(b.modified()) ? a : b);
      }
    }
    return List.copyOf(byId.values());
  }

  /** A csv time no more than a day ahead of this machine's clock: a later one is a bad line. */
  private boolean believable(Instant modified) {
    return !modified.isAfter(clock.instant().plus(Duration.ofDays(1)));
  }

  /**
   * Saves the csv's validators and the watermark: the newest {@code modified} of the csv (never
   * older than {@code floor}, the one before). Server timestamps are compared with server
   * timestamps only, so this machine's clock plays no part; a time more than a day ahead of this
   * machine's clock is left out of the watermark, so one bad line cannot stop all later updates
   * (such a record is fetched again each time instead). {@code cap}: a watermark no later than
   * this, so that a record skipped this time is in the next update's window.
   */
  private void saveWatermark(Feed feed, String csvUrl, FeedDownloader.Downloaded csv,
      List<ModifiedIds.Entry> entries, Instant floor, Optional<Instant> cap) {
    Instant newest = floor;
    for (ModifiedIds.Entry e : entries) {
      if (e.modified().isAfter(newest) && believable(e.modified())) {
        newest = e.modified();
      }
    }
    if (cap.isPresent() && newest.isAfter(cap.get())) {
      newest = cap.get();
    }
    // With a record skipped, the csv is fetched whole next time: its validators would answer 304
    // while the record may since have been published.
    database.feedStates().put(new FeedState(csvUrl, feed.name(), cap.isPresent() ? Optional.empty() : csv.etag(),
        cap.isPresent() ? Optional.empty() : csv.lastModified(), newest));
  }

  /**
   * {@code <folder>/modified_id.csv} beside an OSV feed's {@code <folder>/all.zip} (official, mirror
   * or {@code VIGIE_FEED_OSV_*} address alike); none for other feeds or other file names.
   */
  static Optional<URI> modifiedIdsUrl(Feed feed) {
    String path = feed.url().getRawPath();
    if (!feed.kind().name().equals("osv") || path == null || !path.endsWith("/all.zip")
        || feed.url().getRawQuery() != null) {
      return Optional.empty();
    }
    return Optional.of(feed.url().resolve("modified_id.csv"));
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(64);
    }
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Left behind in the data folder as download-*; harmless, and named so it can be removed.
    }
  }
}
