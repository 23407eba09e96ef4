package io.datadock.faults.soak;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A steady rate shared by many clients: each permit gets the next slot of a fixed interval, so the
 * rate holds however many clients wait and however long each request takes. A client that falls
 * behind gets the slots it missed at once (bounded by {@code burst}), so short stalls are caught up
 * without the long-run rate ever going over the target.
 */
public final class SteadyRate {

  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier clock;
  private long next;

  /**
   * @param perSecond permits a second
   * @param burst slots a stalled run may catch up at once
   * @param clock nanoseconds, monotonic
   */
  public SteadyRate(double perSecond, int burst, LongSupplier clock) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + perSecond);
    }
    this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
    this.burstNanos = intervalNanos * Math.max(0, burst);
    this.clock = clock;
    this.next = clock.getAsLong();
  }

  public static SteadyRate perSecond(double rate) {
    return new SteadyRate(rate, 10, System::nanoTime);
  }

  /** Takes the next slot; how long (ns) the caller must wait for it (0: now). */
  public synchronized long reserve() {
    long now = clock.getAsLong();
    long slot = Math.max(next, now - burstNanos);
    next = slot + intervalNanos;
    return Math.max(0, slot - now);
  }

  /** Waits for the next slot. */
  public void acquire() {
    long wait = reserve();
    long until = System.nanoTime() + wait;
    while (wait > 0 && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(wait);
      wait = until - System.nanoTime();
    }
  }
}
