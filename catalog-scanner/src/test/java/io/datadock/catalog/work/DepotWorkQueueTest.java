package io.datadock.catalog.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DepotWorkQueueTest {

  final ExecutorService workers = Executors.newFixedThreadPool(4);
  final List<String> done = new CopyOnWriteArrayList<>();

  /** Work of a depot named here waits until its gate opens. */
  final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

  /** Each depot's first piece, once it has started. */
  final Map<String, CompletableFuture<Void>> started = new ConcurrentHashMap<>();

  final Consumer<Work> doer =
      work -> {
        started.computeIfAbsent(work.depotKey(), k -> new CompletableFuture<>()).complete(null);
        CompletableFuture<Void> gate = gates.get(work.depotKey());
        if (gate != null) {
          gate.join();
        }
        if (work instanceof Work.Rescan r && r.trigger().equals("fails")) {
          throw new IllegalStateException("source down");
        }
        done.add(work.depotKey() + ":" + (work instanceof Work.Rescan r ? r.trigger() : "removed"));
      };

  final DepotWorkQueue queue = new DepotWorkQueue(workers, doer);

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  static Work rescan(String depot, String trigger) {
    return new Work.Rescan(depot, trigger);
  }

  @Test
  void oneDepotsWorkRunsOneAtATimeInOrderWhileOtherDepotsGoOn() throws Exception {
    gates.put("a", new CompletableFuture<>());
    CompletableFuture<Void> first = queue.enqueue("a", rescan("a", "1"));
    startedOf("a").get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> second = queue.enqueue("a", rescan("a", "2"));
    // another depot is not held back by a's slow scan
    queue.enqueue("b", rescan("b", "1")).get(10, TimeUnit.SECONDS);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThat(queue.idle()).isNotDone();

    gates.get("a").complete(null);
    second.get(10, TimeUnit.SECONDS);
    assertThat(first).isDone();
    assertThat(done).containsExactly("b:1", "a:1", "a:2");
    queue.idle().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aScanOvertakenBeforeItStartsIsNotRunAndARemovalAlwaysIs() throws Exception {
    gates.put("a", new CompletableFuture<>());
    queue.enqueue("a", rescan("a", "running"));
    startedOf("a").get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> overtaken = queue.enqueue("a", rescan("a", "overtaken"));
    queue.enqueue("a", new Work.RemoveAll("a"));
    queue.enqueue("a", rescan("a", "newest"));

    gates.get("a").complete(null);
    queue.idle().get(10, TimeUnit.SECONDS);
    assertThat(overtaken).isCompletedWithValue(null);
    assertThat(done).containsExactly("a:running", "a:removed", "a:newest");
  }

  private CompletableFuture<Void> startedOf(String depot) {
    return started.computeIfAbsent(depot, k -> new CompletableFuture<>());
  }

  @Test
  void aPieceThatFailsDoesNotHoldBackTheNext() throws Exception {
    gates.put("a", new CompletableFuture<>());
    CompletableFuture<Void> failing = queue.enqueue("a", rescan("a", "fails"));
    startedOf("a").get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> next = queue.enqueue("a", rescan("a", "2"));
    gates.get("a").complete(null);
    next.get(10, TimeUnit.SECONDS);
    assertThat(failing).isCompletedWithValue(null);
    assertThat(done).containsExactly("a:2");
  }

  @Test
  void idleWaitsForEveryPieceEnqueuedSoFar() throws Exception {
    assertThat(queue.idle()).isDone();
    gates.put("a", new CompletableFuture<>());
    queue.enqueue("a", rescan("a", "1"));
    CompletableFuture<Void> idle = queue.idle();
    assertThat(idle).isNotDone();
    gates.get("a").complete(null);
    idle.get(10, TimeUnit.SECONDS);
    assertThat(done).containsExactly("a:1");
  }
}
