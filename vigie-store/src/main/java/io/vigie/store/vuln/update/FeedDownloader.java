package io.vigie.store.vuln.update;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Downloads one feed URL to a file with {@link HttpClient}: a conditional request when the last
 * update left validators, a size limit enforced while the body arrives (the download stops at the
 * limit, it is not read and then measured), a timeout for the connection, for the response headers
 * and for any silence while the body arrives, and redirects followed only to {@code https} (or,
 * for tests and local mirrors, within the same loopback origin): a redirect must not downgrade a
 * feed to a plain connection anyone on the path can rewrite.
 */
public final class FeedDownloader {

  private static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;

  public FeedDownloader(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER) // followed by hand, to check each hop
        .build();
  }

  /** The result: a 304, or the file written with the server's validators. */
  public sealed interface Result {}

  public record NotModified() implements Result {}

  public record Downloaded(long bytes, Optional<String> etag, Optional<String> lastModified) implements Result {}

  /**
   * Fetches {@code url} into {@code target}.
   *
   * @throws FeedException naming the URL and what went wrong (status, timeout, size, redirect)
   */
  public Result download(URI url, Path target, Optional<String> etag, Optional<String> lastModified,
      LongConsumer progress) throws FeedException {
    URI current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(timeout).GET()
          .header("User-Agent", "vigie-db-update");
      etag.ifPresent(v -> request.header("If-None-Match", v));
      lastModified.ifPresent(v -> request.header("If-Modified-Since", v));
      FileBodySubscriber body = new FileBodySubscriber(target, maxBytes, progress);
      HttpResponse<Long> response = await(current,
          client.sendAsync(request.build(), info -> info.statusCode() == 200 ? body
              : HttpResponse.BodySubscribers.replacing(0L)), body);
      int status = response.statusCode();
      if (status == 304) {
        return new NotModified();
      }
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        current = redirectTarget(current, response);
        continue;
      }
      if (status != 200) {
        throw new FeedException(current + " answered HTTP " + status + reason(status), status);
      }
      long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (expected >= 0 && expected != response.body()) {
        throw new FeedException(current + ": the download stopped at " + response.body() + " of " + expected
            + " bytes");
      }
      return new Downloaded(response.body(), response.headers().firstValue("ETag"),
          response.headers().firstValue("Last-Modified"));
    }
    throw new FeedException(url + ": more than " + MAX_REDIRECTS + " redirects");
  }

  /** Waits for the response, failing when nothing arrived for {@code timeout}. */
  private HttpResponse<Long> await(URI url, CompletableFuture<HttpResponse<Long>> future, FileBodySubscriber body)
      throws FeedException {
    long started = System.nanoTime();
    while (true) {
      try {
        return future.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long lastActivity = Math.max(started, body.lastActivityNanos());
        if (System.nanoTime() - lastActivity > timeout.toNanos()) {
          future.cancel(true);
          body.cancel();
          throw new FeedException(body.started()
              ? url + ": no data for " + timeout.toSeconds() + " s (timed out after " + body.bytes() + " bytes)"
              : url + ": no response within " + timeout.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        future.cancel(true);
        body.cancel();
        throw new FeedException(url + ": interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
          if (t instanceof FileBodySubscriber.TooLarge) {
            cause = t;
          }
        }
        if (cause instanceof FileBodySubscriber.TooLarge) {
          throw new FeedException(url + ": the download is larger than the limit of " + maxBytes
              + " bytes; stopped there (raise it with --max-size if the feed really is that large)");
        }
        if (cause instanceof HttpTimeoutException) {
          throw new FeedException(url + ": no response within " + timeout.toSeconds() + " s", cause);
        }
        throw new FeedException(url + ": " + describe(cause), cause);
      }
    }
  }

  private static String describe(Throwable t) {
    if (t instanceof java.net.ConnectException) {
      return "cannot connect (" + (t.getMessage() == null ? "connection refused" : t.getMessage()) + ")";
    }
    if (t instanceof IOException && t.getMessage() != null) {
      return "the connection failed: " + t.getMessage();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  private static String reason(int status) {
    return switch (status) {
      case 401, 403 -> " (access refused)";
      case 404 -> " (not found: check the feed name, ecosystem or mirror layout)";
      case 429 -> " (rate limited: try again later)";
      default -> status >= 500 ? " (a server error: try again later)" : "";
    };
  }

  private static URI redirectTarget(URI from, HttpResponse<?> response) throws FeedException {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new FeedException(from + " redirected without a Location"));
    URI to = from.resolve(location.trim());
    String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return to;
    }
    boolean sameLoopbackOrigin = scheme.equals("http") && isLoopback(to.getHost())
        && to.getHost().equalsIgnoreCase(from.getHost()) && to.getPort() == from.getPort()
        && "http".equalsIgnoreCase(from.getScheme());
    if (sameLoopbackOrigin) {
      return to;
    }
    throw new FeedException(from + " redirected to " + to + ": refused, redirects are followed only to https");
  }

  /** True for 127.0.0.0/8, ::1 and localhost: a plain connection that never leaves the machine. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: not resolved here, so not trusted as loopback
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
