package io.datadock.catalog.replay;

import io.datadock.catalog.trigger.DepotOwnership;
import io.datadock.catalog.trigger.TriggerLoop;
import io.datadock.catalog.trigger.Triggers;
import io.datadock.catalog.view.CatalogStore;
import io.datadock.catalog.work.DepotWorkQueue;
import io.datadock.runtime.replay.Replayable;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.replay.StateNotReadableYet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scanner's part in a replay. It keeps no state of its own (the catalog and the depot directory
 * are views of their topics): a rebuild reads {@code depot.events} again from the beginning and
 * rescans every depot active now, once; the scans' diffs against the catalog write only what
 * changed. Its digest is the catalog's datasets of the depots it owns.
 */
public final class ScannerReplay implements Replayable {

  private final TriggerLoop loop;
  private final Triggers triggers;
  private final DepotWorkQueue queue;
  private final CatalogStore store;
  private final DepotOwnership ownership;

  public ScannerReplay(
      TriggerLoop loop,
      Triggers triggers,
      DepotWorkQueue queue,
      CatalogStore store,
      DepotOwnership ownership) {
    this.loop = loop;
    this.triggers = triggers;
    this.queue = queue;
    this.store = store;
    this.ownership = ownership;
  }

  @Override
  public Map<Integer, StateDigest> pauseAndDigest() {
    return digestOf(await(loop.pause(), "pause"));
  }

  @Override
  public void unpause() {
    loop.resume();
  }

  @Override
  public void leave() {
    loop.stopAndLeaveGroup();
  }

  @Override
  public void restart(boolean rebuild, Map<String, Long> committed) {
    if (rebuild) {
      triggers.rebuildFrom(committed);
    }
    loop.start();
  }

  @Override
  public Map<Integer, StateDigest> digest() {
    if (!loop.isAlive()) {
      throw new StateNotReadableYet("catalog scanner not running", null);
    }
    return digestOf(ownership.partitions());
  }

  /** Once the scans already started are done and the catalog view has read them back. */
  private Map<Integer, StateDigest> digestOf(Set<Integer> partitions) {
    await(queue.idle(), "scans");
    await(store.sync(), "catalog");
    return CatalogDigest.of(partitions, store, ownership);
  }

  private static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("catalog scanner: " + what + " not done: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
