package io.vigie.cli;

import io.vigie.store.vuln.VulnerabilityDatabase;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The end of a command that wrote many records (import, update): the embedded database's file is
 * compacted so that every later scan opens and reads less (see {@link
 * VulnerabilityDatabase#compactAndClose}). Said on stderr, since it takes a few seconds on a large
 * database.
 */
final class Compacting {
  private Compacting() {}

  static void closeCompacted(VulnerabilityDatabase database, io.vigie.store.DatabaseLocation location, boolean quiet,
      PrintWriter err) {
    if (!quiet && location instanceof io.vigie.store.DatabaseLocation.DataFolder) {
      err.println("compacting the database file...");
      err.flush();
    }
    long started = System.nanoTime();
    database.compactAndClose().ifPresent(c -> {
      if (!quiet) {
        err.printf(Locale.ROOT, "compacted the database file: %.1f MB -> %.1f MB (%d ms)%n", c.bytesBefore() / 1e6,
            c.bytesAfter() / 1e6, (System.nanoTime() - started) / 1_000_000);
      }
    });
  }
}
