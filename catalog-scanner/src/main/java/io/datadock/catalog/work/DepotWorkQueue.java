package io.datadock.catalog.work;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Work} on a pool, one piece at a time per depot, in the order it was enqueued: two scans of
 * one depot never overlap and a removal never overtakes the scan before it; different depots run in
 * parallel. A piece that fails is logged and does not hold back the next.
 *
 * <p>A scan that another piece of its depot overtook before it started is not run: the newer piece
 * scans the depot as it is later, or removes it. Under a stream of activations (every passing
 * re-check after a secret change is one) a depot's scans would otherwise queue one behind the
 * other, each for a state already gone, and one resolving a secret the depot no longer references
 * is refused. A removal always runs.
 */
public final class DepotWorkQueue {

  private static final Logger LOG = LoggerFactory.getLogger(DepotWorkQueue.class);

  private final Executor workers;
  private final Consumer<Work> doer;
  private final Map<String, CompletableFuture<Void>> lastByDepot = new ConcurrentHashMap<>();

  /** The number of the newest piece enqueued for each depot. */
  private final Map<String, Long> newestByDepot = new ConcurrentHashMap<>();

  private final AtomicLong enqueued = new AtomicLong();

  /**
   * @param doer does one piece of work (a {@link WorkRunner})
   */
  public DepotWorkQueue(Executor workers, Consumer<Work> doer) {
    this.workers = workers;
    this.doer = doer;
  }

  /**
   * Runs {@code work} after every piece of the same depot enqueued before, unless it is a scan and
   * a newer piece of the depot is enqueued before it starts; completes after it, or at once when it
   * is not run.
   */
  public CompletableFuture<Void> enqueue(String depotKey, Work work) {
    return lastByDepot.compute(
        depotKey,
        (k, previous) -> {
          long number = enqueued.incrementAndGet();
          newestByDepot.put(k, number);
          return (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
              .handle((v, e) -> null)
              .thenRunAsync(() -> doUnlessOvertaken(depotKey, work, number), workers);
        });
  }

  /** Completes once every piece enqueued so far is done. */
  public CompletableFuture<Void> idle() {
    return CompletableFuture.allOf(lastByDepot.values().toArray(CompletableFuture[]::new));
  }

  private void doUnlessOvertaken(String depotKey, Work work, long number) {
    if (!(work instanceof Work.RemoveAll) && newestByDepot.get(depotKey) > number) {
      LOG.debug("catalog scan overtaken by newer work depot={}", depotKey);
      return;
    }
    try {
      doer.accept(work);
    } catch (RuntimeException e) {
      LOG.error("catalog work failed depot={}", depotKey, e);
    }
  }
}
