package io.vigie.store.vuln;

import io.vigie.core.validation.Problem;

/**
 * Hears how a long import is going: a progress line now and then (the CLI prints them), and each
 * record skipped as invalid, with where it is and why. Called on the importing thread.
 */
@FunctionalInterface
public interface ImportListener {

  /** A short line for people, such as {@code Go-all.zip: 3000 records}. */
  void progress(String message);

  /** One invalid record skipped; by default reported as a progress line. */
  default void skipped(Problem problem) {
    progress("skipped " + problem);
  }

  /** Hears nothing. */
  static ImportListener silent() {
    return message -> {};
  }
}
