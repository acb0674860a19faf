package io.vigie.store.vuln;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed import as the {@code imports} table keeps it: the feed ({@code osv}, {@code kev},
 * {@code epss}), the file or folder it came from, the records taken and skipped, and when.
 */
public record ImportRecord(
    String source, String origin, int records, int skipped, Instant started, Instant finished) {

  public ImportRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
  }
}
