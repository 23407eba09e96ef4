package io.datadock.cli.watch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once nothing has been heard for a while: how a watch notices a connection that
 * died without closing, since a read of the JDK's streamed body neither times out nor notices an
 * interrupt.
 */
final class Silence implements AutoCloseable {

  private final long limitNanos;
  private final Runnable action;
  private final ScheduledExecutorService timer;
  private volatile long lastHeard = System.nanoTime();

  Silence(Duration limit, Runnable action) {
    this.limitNanos = limit.toNanos();
    this.action = action;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "datadock-watch-silence");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, limit.toMillis() / 3);
    timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  void heard() {
    lastHeard = System.nanoTime();
  }

  private void check() {
    if (System.nanoTime() - lastHeard > limitNanos) {
      timer.shutdown();
      action.run();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
