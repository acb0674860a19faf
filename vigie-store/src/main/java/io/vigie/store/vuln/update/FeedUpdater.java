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

  public FeedUpdater(VulnerabilityDatabase database, Path dataDir, FeedDownloader downloader, Clock clock) {
    this.database = database;
    this.dataDir = dataDir;
    this.downloader = downloader;
    this.clock = clock;
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
    Optional<FeedState> state = database.feedStates().get(url);
    long started = System.nanoTime();
    Path folder = null;
    try {
      folder = Files.createTempDirectory(dataDir, "download-");
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
    } catch (FeedException e) {
      return new FeedOutcome.Failed(feed, url, e.getMessage());
    } catch (InvalidInputException e) {
      return new FeedOutcome.Failed(feed, url, "the downloaded file is damaged, nothing of it was imported: "
          + String.join("; ", e.problems().stream().map(Problem::toString).toList()));
    } catch (IOException | UncheckedIOException e) {
      return new FeedOutcome.Failed(feed, url, "cannot write the download in " + dataDir + ": " + e.getMessage());
    } finally {
      delete(folder);
    }
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
