package io.vigie.cli;

import io.vigie.store.vuln.VulnerabilityDatabase;
import io.vigie.store.vuln.update.Feed;
import io.vigie.store.vuln.update.FeedDownloader;
import io.vigie.store.vuln.update.FeedOutcome;
import io.vigie.store.vuln.update.FeedUpdater;
import io.vigie.store.vuln.update.Feeds;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigie db update}: download the feeds from their official addresses or a mirror, and import them. */
@Command(name = "update",
    description = {"Download the vulnerability feeds (OSV per ecosystem, CISA KEV, EPSS) and import them.",
        "Conditional requests: a feed unchanged since the last update costs one 304 and no import.",
        "A feed that fails leaves the database as it was for that feed; the others still update."},
    footer = {"", "Feed URLs, first match wins: $VIGIE_FEED_<NAME> (e.g. VIGIE_FEED_KEV, VIGIE_FEED_OSV_PYPI),",
        "else --mirror plus osv/<Ecosystem>/all.zip, kev/known_exploited_vulnerabilities.json or",
        "epss/epss_scores-current.csv.gz, else the official address (docs/vulnerability-database.md).",
        "", "Exit codes: 0 every feed updated or unchanged, 2 a feed failed or bad usage.",
        "", "Examples:", "  vigie db update",
        "  vigie db update --feeds osv:PyPI,osv:Go,kev,epss",
        "  vigie db update --mirror https://mirror.example.org/vigie/ --db /var/lib/vigie/db"})
final class DbUpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin VulnDb db;

  @Option(names = "--feeds", split = ",", paramLabel = "FEED",
      description = "Feeds to update: osv:<Ecosystem>, kev, epss (default: kev, epss and the OSV ecosystems already"
          + " in the database, or Maven, npm, PyPI, Go, crates.io, NuGet and RubyGems when it has none).")
  List<String> feeds = List.of();

  @Option(names = "--mirror", paramLabel = "URL", description = "One base URL for every feed (mirror layout in the docs).")
  URI mirror;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up on a feed after this long without data (default: ${DEFAULT-VALUE} s).")
  int timeoutSeconds;

  @Option(names = "--max-size", paramLabel = "MiB", defaultValue = "2048",
      description = "Stop a download larger than this (default: ${DEFAULT-VALUE} MiB).")
  long maxSizeMib;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  /** The environment the feed URL overrides are read from; a test may replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    if (timeoutSeconds <= 0 || maxSizeMib <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout and --max-size must be positive");
    }
    if (mirror != null && (mirror.getScheme() == null || !mirror.getScheme().matches("https?"))) {
      throw new ParameterException(spec.commandLine(), "--mirror must be an http(s) URL, found '" + mirror + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Feeds table = Feeds.standard();
    io.vigie.store.DatabaseLocation location = db.location();
    // Downloads go next to an embedded database (same disk, removed after the import); a server's
    // client has no data folder, so they go to the system's temporary folder.
    java.nio.file.Path downloads = location instanceof io.vigie.store.DatabaseLocation.DataFolder folder
        ? folder.folder() : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    try (VulnerabilityDatabase database = VulnerabilityDatabase.open(location)) {
      List<Feed> resolved = new ArrayList<>();
      try {
        for (String name : names(database)) {
          resolved.add(table.resolve(name, Optional.ofNullable(mirror), environment));
        }
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      FeedUpdater updater = new FeedUpdater(database, downloads,
          new FeedDownloader(Duration.ofSeconds(timeoutSeconds), maxSizeMib * 1024 * 1024), Clock.systemUTC());
      List<FeedOutcome> outcomes = updater.update(resolved, listener(err));
      int exit = summary(outcomes, out, err);
      if (outcomes.stream().anyMatch(o -> o instanceof FeedOutcome.Updated)) {
        Compacting.closeCompacted(database, location, quiet, err);
      }
      return exit;
    }
  }

  private List<String> names(VulnerabilityDatabase database) {
    if (!feeds.isEmpty()) {
      return feeds.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
    List<String> ecosystems = Feeds.osvEcosystemsIn(database.status().advisoriesBySource().keySet());
    List<String> names = new ArrayList<>();
    (ecosystems.isEmpty() ? Feeds.DEFAULT_OSV_ECOSYSTEMS : ecosystems).forEach(e -> names.add("osv:" + e));
    names.add("kev");
    names.add("epss");
    return names;
  }

  private FeedUpdater.Listener listener(PrintWriter err) {
    return new FeedUpdater.Listener() {
      private long lastLine;

      @Override
      public void progress(String message) {
        if (!quiet) {
          err.println("  " + message);
          err.flush();
        }
      }

      @Override
      public void warning(String message) {
        err.println("warning: " + message);
        err.flush();
      }

      @Override
      public void skipped(io.vigie.core.validation.Problem problem) {
        err.println("warning: skipped " + problem);
      }

      @Override
      public void downloaded(Feed feed, long bytes) {
        long now = System.nanoTime();
        if (!quiet && now - lastLine > 1_000_000_000L) { // a line a second at most
          lastLine = now;
          err.printf("  %s: %s downloaded%n", feed.name(), size(bytes));
          err.flush();
        }
      }
    };
  }

  private static int summary(List<FeedOutcome> outcomes, PrintWriter out, PrintWriter err) {
    int failed = 0;
    for (FeedOutcome o : outcomes) {
      if (o instanceof FeedOutcome.Updated u) {
        out.printf("%-20s updated    %d records, %d skipped, %s in %d ms from %s%n",
            u.feed().name(), u.records(), u.skipped(), size(u.bytes()), u.millis(), u.url());
      } else if (o instanceof FeedOutcome.Unchanged u) {
        out.printf("%-20s unchanged  (%s) %s%n", u.feed().name(), u.why(), u.url());
      } else if (o instanceof FeedOutcome.Failed f) {
        failed++;
        out.printf("%-20s FAILED     %s%n", f.feed().name(), f.url());
        err.printf("error: %s: %s%n", f.feed().name(), f.reason());
      }
    }
    out.printf("%d feeds: %d updated, %d unchanged, %d failed%n", outcomes.size(),
        outcomes.stream().filter(o -> o instanceof FeedOutcome.Updated).count(),
        outcomes.stream().filter(o -> o instanceof FeedOutcome.Unchanged).count(), failed);
    out.flush();
    err.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }

  private static String size(long bytes) {
    return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / (1024.0 * 1024));
  }
}
