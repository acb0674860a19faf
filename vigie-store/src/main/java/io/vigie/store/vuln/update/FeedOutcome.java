package io.vigie.store.vuln.update;

/** What updating one feed did. */
public sealed interface FeedOutcome {
  Feed feed();

  /** Downloaded and imported: {@code records} taken, {@code skipped} invalid, {@code bytes} downloaded. */
  record Updated(Feed feed, String url, int records, int skipped, long bytes, long millis) implements FeedOutcome {}

  /** The server said 304 Not Modified: nothing downloaded, nothing imported. */
  record Unchanged(Feed feed, String url) implements FeedOutcome {}

  /** Failed, with a reason for people; the database holds what it held before for this feed. */
  record Failed(Feed feed, String url, String reason) implements FeedOutcome {}
}
