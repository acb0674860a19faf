package io.vigie.store.vuln;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last committed update of a feed URL saw: the validators the server gave ({@code
 * ETag}, {@code Last-Modified}), sent back on the next request so an unchanged feed answers 304.
 */
public record FeedState(String url, String feed, Optional<String> etag, Optional<String> lastModified,
    Instant updated) {
  public FeedState {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(updated, "updated");
  }
}
