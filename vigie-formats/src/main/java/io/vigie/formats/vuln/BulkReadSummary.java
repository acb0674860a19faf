package io.vigie.formats.vuln;

/**
 * What a bulk read did: {@code read} records handed to the sink, {@code skipped} invalid records
 * reported to the warning consumer instead. Every record is one or the other.
 */
public record BulkReadSummary(int read, int skipped) {

  public BulkReadSummary {
    if (read < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
  }

  public int total() {
    return read + skipped;
  }

  BulkReadSummary plus(BulkReadSummary other) {
    return new BulkReadSummary(read + other.read, skipped + other.skipped);
  }
}
