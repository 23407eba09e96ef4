package io.datadock.catalog.work;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Work} on a pool, one piece at a time per depot, in the order it was enqueued: two scans of
 * one depot never overlap and a removal never overtakes the scan before it; different depots run in
 * parallel. A piece that fails is logged and does not hold back the next.
 */
public final class DepotWorkQueue {

  private static final Logger LOG = LoggerFactory.getLogger(DepotWorkQueue.class);

  private final Executor workers;
  private final Consumer<Work> doer;
  private final Map<String, CompletableFuture<Void>> lastByDepot = new ConcurrentHashMap<>();

  /**
   * @param doer does one piece of work (a {@link WorkRunner})
   */
  public DepotWorkQueue(Executor workers, Consumer<Work> doer) {
    this.workers = workers;
    this.doer = doer;
  }

  /** Runs {@code work} after every piece of the same depot enqueued before; completes after it. */
  public CompletableFuture<Void> enqueue(String depotKey, Work work) {
    return lastByDepot.compute(
        depotKey,
        (k, previous) ->
            (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .handle((v, e) -> null)
                .thenRunAsync(() -> doLogged(depotKey, work), workers));
  }

  /** Completes once every piece enqueued so far is done. */
  public CompletableFuture<Void> idle() {
    return CompletableFuture.allOf(lastByDepot.values().toArray(CompletableFuture[]::new));
  }

  private void doLogged(String depotKey, Work work) {
    try {
      doer.accept(work);
    } catch (RuntimeException e) {
      LOG.error("catalog work failed depot={}", depotKey, e);
    }
  }
}
