package io.datadock.cli.watch;

import io.datadock.cli.CliException;
import java.time.Duration;

/**
 * When a watch reconnects: after a pause once a stream has ended, then, while the gateway cannot be
 * reached, after pauses that double up to a cap; it gives up once the gateway has been unreachable
 * for too long.
 */
final class Reconnects {

  private final Duration pause;
  private final Duration maxPause;
  private final Duration giveUpAfter;
  private int failures;
  private long failingSince;

  Reconnects(Duration pause, Duration maxPause, Duration giveUpAfter) {
    this.pause = pause;
    this.maxPause = maxPause;
    this.giveUpAfter = giveUpAfter;
  }

  static Reconnects defaults() {
    return new Reconnects(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(1));
  }

  /** A stream was opened: the gateway is reachable again. */
  void connected() {
    failures = 0;
  }

  /** A stream ended or broke: wait a little before opening the next. */
  void streamEnded() {
    sleep(pause);
  }

  /** Opening a stream failed: wait longer each time, or give up. */
  void failed(CliException cause) {
    long now = System.nanoTime();
    if (failures == 0) {
      failingSince = now;
    } else if (now - failingSince > giveUpAfter.toNanos()) {
      throw new CliException("lost the watch: " + cause.getMessage(), cause);
    }
    Duration wait = pause.multipliedBy(1L << Math.min(failures, 16));
    failures++;
    sleep(wait.compareTo(maxPause) > 0 ? maxPause : wait);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
