package io.datadock.gateway.replay;

import io.datadock.gateway.kafka.ReplyDeadline;
import io.datadock.gateway.kafka.ReplyRouter;
import io.datadock.schemas.resource.CommandResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reply deadlines that do not count the time a command's service spends in a replay. A replay stops
 * the service until its state is rebuilt, seconds for a small state and longer for a large one; a
 * command sent meanwhile is decided after the rebuild, so a fixed timeout would answer 504 for
 * commands that are about to be applied. Here a command waits {@code timeout} for its reply; when
 * that runs out and its service was being replayed during the wait, it waits for the replay to end
 * and then {@code timeout} again, and so on, but never longer than {@code timeout + maxHeld} in
 * all.
 *
 * <p>The replay's end is its coordinator's step, not the service being back: a service called off
 * from a replay (or rebuilt) starts its Kafka Streams again, joins its group and takes its tasks
 * first, seconds on a busy machine. So the wait after a replay is at least {@code resume}, however
 * short the reply timeout.
 */
public final class ReplayAwareDeadlines {

  private final ReplaysInProgress replays;
  private final long timeoutNanos;
  private final long afterReplayNanos;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;

  /**
   * @param timeout how long a command waits for its reply
   * @param resume how long it waits, at least, once a replay that held it has ended
   * @param maxHeld how much longer than {@code timeout} a replay may hold it in all
   */
  public ReplayAwareDeadlines(
      ReplaysInProgress replays,
      Duration timeout,
      Duration resume,
      Duration maxHeld,
      LongSupplier nanoTime) {
    this.replays = replays;
    this.timeoutNanos = timeout.toNanos();
    this.afterReplayNanos = Math.max(timeoutNanos, resume.toNanos());
    this.maxWaitNanos = timeout.plus(maxHeld).toNanos();
    this.nanoTime = nanoTime;
  }

  /** The deadline for a command to {@code service} (its replay name), starting now. */
  public ReplyDeadline forService(String service) {
    return reply -> {
      long now = nanoTime.getAsLong();
      return waitFrom(reply, service, now, timeoutNanos, now + maxWaitNanos);
    };
  }

  /** Whether {@code service} is being replayed now. */
  public boolean replaying(String service) {
    return replays.replaying(service);
  }

  private CompletableFuture<CommandResult> waitFrom(
      CompletableFuture<CommandResult> reply,
      String service,
      long since,
      long waitNanos,
      long latest) {
    return reply
        .copy()
        .orTimeout(millis(Math.min(waitNanos, latest - since)), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(
            e -> {
              Throwable cause = unwrap(e);
              long left = latest - nanoTime.getAsLong();
              if (!ReplyRouter.isTimeout(cause)
                  || left <= 0
                  || !replays.replayedSince(service, since)) {
                return CompletableFuture.failedFuture(cause);
              }
              return replays
                  .serving(service)
                  .orTimeout(millis(left), TimeUnit.MILLISECONDS)
                  .thenCompose(
                      v ->
                          waitFrom(reply, service, nanoTime.getAsLong(), afterReplayNanos, latest));
            });
  }

  private static long millis(long nanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
