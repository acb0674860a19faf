package io.vigie.store.vuln.update;

/** A download that did not give a usable feed file; the message is for people and names the URL. */
public final class FeedException extends Exception {
  public FeedException(String message) {
    super(message);
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
