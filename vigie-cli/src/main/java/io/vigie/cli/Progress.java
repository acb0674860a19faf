package io.vigie.cli;

import java.io.PrintWriter;

/**
 * One line per finished step on stderr, with its duration, so a person sees where a long run is
 * and CI logs show where the time went; silent with {@code --quiet}. stdout stays for data.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean quiet;
  private long start = System.nanoTime();

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void done(String what) {
    long now = System.nanoTime();
    if (!quiet) {
      err.printf("  %-58s %6d ms%n", what, (now - start) / 1_000_000);
      err.flush();
    }
    start = now;
  }
}
