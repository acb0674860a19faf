package io.vigie.store.vuln.update;

/** A download that did not give a usable feed file; the message is for people and names the URL. */
public final class FeedException extends Exception {
  private final int status;

  public FeedException(String message) {
    this(message, 0);
  }

  /** {@code status}: the HTTP status the server answered, 0 when the failure was not an HTTP answer. */
  public FeedException(String message, int status) {
    super(message);
    this.status = status;
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status behind this failure, 0 when there was none (network, size, timeout, content). */
  public int status() {
    return status;
  }
}
