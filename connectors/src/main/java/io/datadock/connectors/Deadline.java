package io.datadock.connectors;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The time left for one check. {@link #call} runs a blocking step (DNS, a driver's connect) on a
 * worker thread and gives up when the deadline passes, so a check never hangs beyond its timeout
 * even when a driver ignores its own timeout settings.
 */
public final class Deadline {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "datadock-check-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private final Duration total;
  private final long endNanos;

  private Deadline(Duration total) {
    this.total = total;
    this.endNanos = System.nanoTime() + total.toNanos();
  }

  public static Deadline after(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new Deadline(timeout);
  }

  public Duration total() {
    return total;
  }

  public boolean expired() {
    return System.nanoTime() - endNanos >= 0;
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** Milliseconds left, at least 1 (0 means "no timeout" to most clients). */
  public int remainingMillis() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
  }

  /** Whole seconds left, rounded up, at least 1. */
  public int remainingSeconds() {
    return (int) Math.max(1, (remaining().toMillis() + 999) / 1000);
  }

  /** The whole timeout for messages: "10 s", "500 ms". */
  public String describe() {
    long millis = total.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /**
   * Runs {@code task} and waits at most for the time left.
   *
   * @param late receives a result that arrives after the deadline (to close a late connection)
   * @throws TimeoutException when the deadline passes first
   * @throws Exception what the task threw
   */
  public <T> T call(Callable<T> task, Consumer<? super T> late) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Future<?> worker =
        WORKERS.submit(
            () -> {
              try {
                result.complete(task.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    try {
      return result.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    } catch (TimeoutException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      worker.cancel(true);
      result.thenAccept(late);
      throw e instanceof TimeoutException t ? t : new TimeoutException("interrupted");
    }
  }
}
