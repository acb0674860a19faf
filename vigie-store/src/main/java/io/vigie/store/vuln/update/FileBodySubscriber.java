package io.vigie.store.vuln.update;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Writes a response body to a file as it arrives, counting bytes: past the limit it cancels the
 * download (the body is never read whole), and it keeps the time of the last data so a stalled
 * transfer can be timed out. Completes with the number of bytes written.
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<Long> {

  /** Thrown when the body passes the size limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("too large");
    }
  }

  private final Path target;
  private final long maxBytes;
  private final LongConsumer progress;
  private final CompletableFuture<Long> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile long lastActivityNanos = System.nanoTime();
  private volatile long bytes;
  private FileChannel channel;

  FileBodySubscriber(Path target, long maxBytes, LongConsumer progress) {
    this.target = target;
    this.maxBytes = maxBytes;
    this.progress = progress;
  }

  long lastActivityNanos() {
    return lastActivityNanos;
  }

  long bytes() {
    return bytes;
  }

  /** True once a 200's headers arrived and the body started. */
  boolean started() {
    return subscription != null;
  }

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    fail(new IOException("cancelled"));
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    try {
      channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      s.cancel();
      fail(e);
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    lastActivityNanos = System.nanoTime();
    try {
      for (ByteBuffer b : items) {
        long size = b.remaining();
        if (bytes + size > maxBytes) {
          subscription.cancel();
          fail(new TooLarge());
          return;
        }
        while (b.hasRemaining()) {
          channel.write(b);
        }
        bytes += size;
      }
    } catch (IOException e) {
      subscription.cancel();
      fail(e);
      return;
    }
    progress.accept(bytes);
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    fail(t);
  }

  @Override
  public void onComplete() {
    try {
      channel.force(false);
      channel.close();
      result.complete(bytes);
    } catch (IOException e) {
      fail(e);
    }
  }

  private void fail(Throwable t) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the download already failed; the file is deleted by the caller
    }
    result.completeExceptionally(t);
  }

  @Override
  public CompletionStage<Long> getBody() {
    return result;
  }
}
