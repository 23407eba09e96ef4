package io.datadock.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the platform's start steps at once, each on a thread of its own, and returns when all are
 * done. Each step mostly waits on the broker (group joins, reading topics to their end, the first
 * transactions), so together they take about as long as the slowest, not the sum. The first failure
 * is rethrown, after every step has ended, so the caller can close them all.
 */
final class ParallelStart {

  private final Map<String, Runnable> steps = new LinkedHashMap<>();

  ParallelStart add(String name, Runnable step) {
    steps.put(name, step);
    return this;
  }

  void run() {
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (Map.Entry<String, Runnable> step : steps.entrySet()) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  step.getValue().run();
                  done.complete(null);
                } catch (Throwable e) {
                  done.completeExceptionally(e);
                }
              },
              "start-" + step.getKey());
      thread.start();
      running.add(done);
    }
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
