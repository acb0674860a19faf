package io.vigie.store.vuln;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The "newer wins" half of an upsert by ID that every SQL database runs alike (no MERGE or ON
 * CONFLICT dialects), shared by the OSV and NVD writers: records are queued by key, the newer
 * modification time wins among queued ones and against the stored one (an equal one replaces, so
 * re-importing a file rewrites the same rows and the counts stay put), and by chunks the winners are
 * handed to the writer with the keys whose stored rows it must delete first. Not thread-safe.
 *
 * @param <R> the record type
 */
final class NewerWinsQueue<R> {

  /** What to write: the winning records, and the keys already stored (to delete, then insert). */
  record Batch<R>(List<R> writes, List<String> replaced) {}

  private final Handle handle;
  private final String storedQuery;
  private final Function<R, String> key;
  private final Function<R, Instant> modified;
  private final int chunk;
  private final Consumer<Batch<R>> writer;
  private final Map<String, R> pending = new LinkedHashMap<>();
  private int unchanged;

  /**
   * @param storedQuery {@code SELECT id, modified FROM table WHERE id IN (<ids>)}: the stored
   *     modification time of the queued keys
   */
  NewerWinsQueue(Handle handle, String storedQuery, Function<R, String> key, Function<R, Instant> modified,
      int chunk, Consumer<Batch<R>> writer) {
    this.handle = handle;
    this.storedQuery = storedQuery;
    this.key = key;
    this.modified = modified;
    this.chunk = chunk;
    this.writer = writer;
  }

  /** Queues the record; it is written, unless a newer version is stored or queued, by a later flush. */
  void add(R record) {
    String k = key.apply(record);
    R queued = pending.get(k);
    if (queued != null) {
      unchanged++;
      if (modified.apply(queued).isAfter(modified.apply(record))) {
        return;
      }
    }
    pending.put(k, record);
    if (pending.size() >= chunk) {
      flush();
    }
  }

  /** Records not written because a newer version was stored or queued. */
  int unchanged() {
    return unchanged;
  }

  /** Hands what is queued, less what a newer stored version beats, to the writer. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, OffsetDateTime> stored = new HashMap<>();
    handle.createQuery(storedQuery)
        .bindList("ids", List.copyOf(pending.keySet()))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .forEach(e -> stored.put(e.getKey(), e.getValue()));
    List<R> writes = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    for (Map.Entry<String, R> e : pending.entrySet()) {
      OffsetDateTime current = stored.get(e.getKey());
      if (current != null && current.toInstant().isAfter(modified.apply(e.getValue()))) {
        unchanged++;
        continue;
      }
      writes.add(e.getValue());
      if (current != null) {
        replaced.add(e.getKey());
      }
    }
    pending.clear();
    writer.accept(new Batch<>(writes, replaced));
  }
}
