package io.vigie.store.vuln.update;

/** What updating one feed did. */
public sealed interface FeedOutcome {
  Feed feed();

  /** Downloaded and imported: {@code records} taken, {@code skipped} invalid, {@code bytes} downloaded. */
  record Updated(Feed feed, String url, int records, int skipped, long bytes, long millis) implements FeedOutcome {}

  /**
   * Nothing imported: the server said 304 Not Modified, or (OSV) its modified_id.csv lists no record
   * newer than the database holds; {@code why} says which, for people.
   */
  record Unchanged(Feed feed, String url, String why) implements FeedOutcome {
    public Unchanged(Feed feed, String url) {
      this(feed, url, "HTTP 304");
    }
  }

  /** Failed, with a reason for people; the database holds what it held before for this feed. */
  record Failed(Feed feed, String url, String reason) implements FeedOutcome {}
}
