package io.datadock.local.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition of processes it cannot be told about, by asking again at an interval. */
final class Poll {

  private Poll() {}

  /**
   * Returns once {@code condition} holds; an exception it throws ends the wait at once.
   *
   * @throws IllegalStateException naming {@code what} when it does not hold within {@code timeout}
   */
  static void until(String what, Duration timeout, Duration interval, Callable<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!condition.call()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(what + " not within " + timeout);
        }
        Thread.sleep(interval.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(what + ": " + e, e);
    }
  }
}
