package io.vigie.store.vuln;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code feed_state} table: one row per feed URL (see {@link FeedState}). */
public final class FeedStates {
  private final Jdbi jdbi;

  FeedStates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<FeedState> get(String url) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT url, feed, etag, last_modified, updated FROM feed_state WHERE url = :url")
        .bind("url", url)
        .map((rs, ctx) -> new FeedState(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant()))
        .findOne());
  }

  /** Replaces the row of this URL (delete and insert: portable, no MERGE). */
  public void put(FeedState state) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM feed_state WHERE url = :url").bind("url", state.url()).execute();
      h.createUpdate("INSERT INTO feed_state (url, feed, etag, last_modified, updated)"
              + " VALUES (:url, :feed, :etag, :lm, :updated)")
          .bind("url", state.url()).bind("feed", state.feed())
          .bind("etag", state.etag().orElse(null)).bind("lm", state.lastModified().orElse(null))
          .bind("updated", AdvisoryWriter.utc(state.updated()))
          .execute();
    });
  }
}
