package io.vigie.formats.vuln;

/**
 * What a bulk NVD read did: {@code read} valid records handed to the sink (of which {@code rejected}
 * are marked "Rejected" by NVD, handed on so that a store can retire an older copy, never matched),
 * and {@code skipped} invalid records reported as problems instead.
 */
public record NvdReadSummary(int read, int rejected, int skipped) {
  public NvdReadSummary {
    if (read < 0 || rejected < 0 || skipped < 0 || rejected > read) {
      throw new IllegalArgumentException("counts are not negative and rejected records are among those read");
    }
  }

  NvdReadSummary plus(NvdReadSummary o) {
    return new NvdReadSummary(read + o.read, rejected + o.rejected, skipped + o.skipped);
  }
}
