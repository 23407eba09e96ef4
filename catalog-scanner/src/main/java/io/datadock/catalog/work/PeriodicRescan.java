package io.datadock.catalog.work;

import io.datadock.catalog.scan.ScanTarget;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every {@code interval} (none when zero), a rescan of every active depot this instance owns, each
 * queued behind the depot's other work.
 */
public final class PeriodicRescan {

  private final Duration interval;
  private final Supplier<Collection<ScanTarget>> activeDepots;
  private final Predicate<String> owned;
  private final DepotWorkQueue queue;

  /**
   * @param owned whether this instance owns a depot (by its key)
   */
  public PeriodicRescan(
      Duration interval,
      Supplier<Collection<ScanTarget>> activeDepots,
      Predicate<String> owned,
      DepotWorkQueue queue) {
    this.interval = interval;
    this.activeDepots = activeDepots;
    this.owned = owned;
    this.queue = queue;
  }

  /** Schedules the rescans on {@code timer}, unless the interval is zero. */
  public void scheduleOn(ScheduledExecutorService timer) {
    if (!interval.isZero()) {
      long every = interval.toMillis();
      timer.scheduleAtFixedRate(this::rescanOwned, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Queues a rescan of every active depot this instance owns. */
  public void rescanOwned() {
    for (ScanTarget target : activeDepots.get()) {
      if (owned.test(target.depotKey())) {
        queue.enqueue(target.depotKey(), new Work.Scan(target, "periodic"));
      }
    }
  }
}
