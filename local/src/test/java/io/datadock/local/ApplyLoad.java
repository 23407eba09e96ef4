package io.datadock.local;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Applies many one-document manifests through the HTTP API with a bounded number of concurrent
 * clients and keeps what the API acknowledged (a 2xx naming the resource created) and what it did
 * not. Latencies are kept apart before and after {@link #markEvent} (a failure injected by the
 * test).
 */
final class ApplyLoad {

  /**
   * @param value what the test expects to read back (a secret's password), or null
   */
  record Apply(String kind, String name, String yaml, String value) {
    /** The resource key of a default-tenant resource without workspace. */
    String key() {
      return "default/" + kind + "/" + name;
    }
  }

  record Ack(Apply apply, long resourceVersion, boolean afterEvent) {
    String key() {
      return apply.key();
    }
  }

  private final Api api;
  private final List<Apply> applies;
  private final ExecutorService clients;
  private final Map<String, Ack> acks = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final Queue<Long> latenciesBefore = new ConcurrentLinkedQueue<>();
  private final Queue<Long> latenciesAfter = new ConcurrentLinkedQueue<>();
  private volatile boolean eventHappened;

  ApplyLoad(Api api, List<Apply> applies, int clients) {
    this.api = api;
    this.applies = List.copyOf(applies);
    this.clients = Executors.newFixedThreadPool(clients);
  }

  int total() {
    return applies.size();
  }

  ApplyLoad start() {
    applies.forEach(a -> clients.execute(() -> apply(a)));
    clients.shutdown();
    return this;
  }

  /** From now on, applies count as started after the event. */
  void markEvent() {
    eventHappened = true;
  }

  boolean done() {
    return clients.isTerminated();
  }

  boolean awaitDone(Duration timeout) throws InterruptedException {
    return clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Drops what is left (a failed test): no request outlives the test. */
  void stop() {
    clients.shutdownNow();
  }

  private void apply(Apply apply) {
    boolean afterEvent = eventHappened;
    long started = System.nanoTime();
    int status;
    String body;
    try {
      Api.Response response = api.applyYaml(apply.yaml(), "");
      status = response.status();
      body = response.body();
    } catch (RuntimeException e) {
      status = -1;
      body = e.toString();
    }
    (afterEvent ? latenciesAfter : latenciesBefore).add((System.nanoTime() - started) / 1_000_000);
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status / 100 != 2) {
      failures.put(apply.key(), status + " " + body);
      return;
    }
    JsonObject result = new JsonObject(body).getJsonArray("results").getJsonObject(0);
    if (!"created".equals(result.getString("outcome"))) {
      failures.put(apply.key(), status + " " + body);
      return;
    }
    acks.put(
        apply.key(),
        new Ack(apply, Long.parseLong(result.getString("resourceVersion")), afterEvent));
  }

  /** Acknowledged applies by resource key. */
  Map<String, Ack> acks() {
    return acks;
  }

  int acknowledged() {
    return acks.size();
  }

  long acknowledgedAfterEvent() {
    return acks.values().stream().filter(Ack::afterEvent).count();
  }

  /** Status and body of every apply that was not acknowledged, by resource key. */
  Map<String, String> failures() {
    return failures;
  }

  Set<String> acknowledgedNames(String kind) {
    return acks.values().stream()
        .filter(a -> a.apply().kind().equals(kind))
        .map(a -> a.apply().name())
        .collect(Collectors.toSet());
  }

  String summary() {
    return "applies="
        + total()
        + " acknowledged="
        + acknowledged()
        + " (started after the event: "
        + acknowledgedAfterEvent()
        + ") statuses="
        + new TreeMap<>(statuses)
        + " latency before "
        + percentiles(latenciesBefore)
        + " after "
        + percentiles(latenciesAfter)
        + " firstFailures="
        + failures.values().stream().limit(2).toList();
  }

  private static String percentiles(Collection<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "-";
    }
    return "p50="
        + sorted.get(sorted.size() / 2)
        + "ms p90="
        + sorted.get(sorted.size() * 9 / 10)
        + "ms p99="
        + sorted.get(sorted.size() * 99 / 100)
        + "ms max="
        + sorted.get(sorted.size() - 1)
        + "ms";
  }
}
