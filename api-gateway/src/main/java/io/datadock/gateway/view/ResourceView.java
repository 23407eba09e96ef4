package io.datadock.gateway.view;

import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.resource.ResourceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The gateway's materialized view of {@code resource.state}: every resource's redacted state, kept
 * in memory and answered from without asking any service. Read-your-writes: after a successful
 * command, the request waits here until the view holds the version the command produced.
 *
 * <p>The last version of deleted resources is remembered too (from the tombstone's header), so a
 * wait for a deletion completes and a stale state cannot hide it. Those entries are small and go
 * away at the next start once compaction has removed the tombstones.
 */
public final class ResourceView {

  private final Map<String, ResourceState> states = new ConcurrentHashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Map<String, List<Waiter>> waiters = new java.util.HashMap<>();

  /** Waits for a version of a resource (and, optionally, a state it must be in). */
  private record Waiter(
      long version, Predicate<ResourceState> condition, CompletableFuture<ResourceState> done) {}

  /** A change the view applied: what was there before (or null) and what is there now (or null). */
  public record Change(String key, ResourceState before, ResourceState after, long version) {}

  private volatile java.util.function.Consumer<Change> listener = c -> {};

  /** Called with every change the view applies, in the order applied (one listener). */
  public void onChange(java.util.function.Consumer<Change> listener) {
    this.listener = listener;
  }

  public void onRecord(ConsumerRecord<String, ResourceState> record) {
    String key = record.key();
    long version =
        record.value() != null
            ? record.value().getResourceVersion()
            : ResourceVersionHeader.read(record.headers());
    Change[] applied = new Change[1];
    versions.compute(
        key,
        (k, known) -> {
          if (known != null && version >= 0 && version < known) {
            return known; // an older record (an aborted transaction's duplicate): ignore it
          }
          ResourceState before =
              record.value() == null ? states.remove(k) : states.put(k, record.value());
          if (before != null || record.value() != null) {
            applied[0] = new Change(k, before, record.value(), version);
          }
          return Math.max(version, known == null ? -1 : known);
        });
    if (applied[0] != null) {
      listener.accept(applied[0]);
    }
    release(key);
  }

  /** Completes once the view holds {@code version} (or later) of the resource. */
  public CompletableFuture<Void> awaitVersion(String key, long version) {
    return awaitState(key, version, s -> true).thenApply(s -> null);
  }

  /**
   * Completes with the resource's state (null once deleted) when the view holds {@code version} or
   * later and that state meets {@code condition}.
   */
  public CompletableFuture<ResourceState> awaitState(
      String key, long version, Predicate<ResourceState> condition) {
    synchronized (waiters) {
      if (versionOf(key) >= version && condition.test(states.get(key))) {
        return CompletableFuture.completedFuture(states.get(key));
      }
      CompletableFuture<ResourceState> done = new CompletableFuture<>();
      waiters
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Waiter(version, condition, done));
      // a waiter given up on (timed out) is dropped at the resource's next record
      return done;
    }
  }

  private void release(String key) {
    List<Waiter> ready = new ArrayList<>();
    ResourceState state;
    synchronized (waiters) {
      List<Waiter> list = waiters.get(key);
      if (list == null) {
        return;
      }
      long now = versionOf(key);
      state = states.get(key);
      list.removeIf(
          w -> {
            boolean done = (w.version() <= now && w.condition().test(state)) || w.done().isDone();
            if (done) {
              ready.add(w);
            }
            return done;
          });
      if (list.isEmpty()) {
        waiters.remove(key);
      }
    }
    ready.forEach(w -> w.done().complete(state));
  }

  private long versionOf(String key) {
    return versions.getOrDefault(key, -1L);
  }

  public Optional<ResourceState> get(String key) {
    return Optional.ofNullable(states.get(key));
  }

  public List<ResourceState> list(Predicate<ResourceState> filter) {
    List<ResourceState> out = new ArrayList<>();
    for (ResourceState s : states.values()) {
      if (filter.test(s)) {
        out.add(s);
      }
    }
    out.sort(
        Comparator.comparing(ResourceState::getName).thenComparing(ResourceState::getResourceKey));
    return out;
  }

  public int size() {
    return states.size();
  }
}
