package io.datadock.gateway.view;

import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.resource.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The gateway's materialized view of {@code resource.state}: every resource's redacted state, kept
 * in memory and answered from without asking any service. Read-your-writes: after a successful
 * command, the request waits here until the view holds the version the command produced.
 *
 * <p>The last version of a deleted resource is remembered too (from the tombstone's header), so a
 * wait for a deletion completes and a stale state (an aborted transaction's duplicate, seconds old
 * at most) cannot resurrect it; for {@link #TOMBSTONE_RETENTION}, then forgotten, as the compacted
 * topic forgets its tombstones after {@code delete.retention.ms}. Without that, a platform that
 * creates and deletes resources under new names kept one entry for every name it ever deleted.
 */
public final class ResourceView {

  static final Duration TOMBSTONE_RETENTION = Duration.ofHours(1);

  private final Clock clock;

  private final Map<String, ResourceState> states = new ConcurrentHashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final Map<String, List<Waiter>> waiters = new java.util.HashMap<>();

  /** When each deleted resource's tombstone was applied, oldest first. */
  private final LinkedHashMap<String, Long> deletedAt = new LinkedHashMap<>();

  public ResourceView() {
    this(Clock.systemUTC());
  }

  ResourceView(Clock clock) {
    this.clock = clock;
  }

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
    boolean[] stale = new boolean[1];
    versions.compute(
        key,
        (k, known) -> {
          if (known != null && version >= 0 && version < known) {
            stale[0] = true;
            return known; // an older record (an aborted transaction's duplicate): ignore it
          }
          ResourceState before =
              record.value() == null ? states.remove(k) : states.put(k, record.value());
          if (before != null || record.value() != null) {
            applied[0] = new Change(k, before, record.value(), version);
          }
          return Math.max(version, known == null ? -1 : known);
        });
    if (!stale[0]) {
      remember(key, record.value() == null);
    }
    if (applied[0] != null) {
      listener.accept(applied[0]);
    }
    release(key);
  }

  /** Notes a deletion (or a re-creation), and forgets the versions of long-deleted resources. */
  private void remember(String key, boolean deleted) {
    long now = clock.millis();
    synchronized (deletedAt) {
      deletedAt.remove(key);
      if (deleted) {
        deletedAt.put(key, now);
      }
      long before = now - TOMBSTONE_RETENTION.toMillis();
      Iterator<Map.Entry<String, Long>> oldest = deletedAt.entrySet().iterator();
      while (oldest.hasNext()) {
        Map.Entry<String, Long> next = oldest.next();
        if (next.getValue() > before) {
          break;
        }
        versions.computeIfPresent(next.getKey(), (k, v) -> states.containsKey(k) ? v : null);
        oldest.remove();
      }
    }
  }

  /** How many resources the view remembers a version of, deleted ones included. */
  int versionsKept() {
    return versions.size();
  }

  /**
   * Completes once the view holds {@code version} (or later) of the resource, or exceptionally with
   * a {@link TimeoutException} after {@code wait}.
   */
  public CompletableFuture<Void> awaitVersion(String key, long version, Duration wait) {
    return awaitState(key, version, s -> true, wait).thenApply(s -> null);
  }

  /**
   * Completes with the resource's state (null once deleted) when the view holds {@code version} or
   * later and that state meets {@code condition}; exceptionally with a {@link TimeoutException}
   * after {@code wait}, when the wait is forgotten: a wait for a record that never comes must not
   * stay behind.
   */
  public CompletableFuture<ResourceState> awaitState(
      String key, long version, Predicate<ResourceState> condition, Duration wait) {
    Waiter waiter;
    synchronized (waiters) {
      if (versionOf(key) >= version && condition.test(states.get(key))) {
        return CompletableFuture.completedFuture(states.get(key));
      }
      waiter = new Waiter(version, condition, new CompletableFuture<>());
      waiters.computeIfAbsent(key, k -> new ArrayList<>()).add(waiter);
    }
    waiter.done().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS);
    waiter.done().whenComplete((state, failure) -> forget(key, waiter));
    return waiter.done();
  }

  private void forget(String key, Waiter waiter) {
    synchronized (waiters) {
      List<Waiter> list = waiters.get(key);
      if (list != null && list.remove(waiter) && list.isEmpty()) {
        waiters.remove(key);
      }
    }
  }

  /** How many waits are pending, over every resource. */
  int pendingWaits() {
    synchronized (waiters) {
      return waiters.values().stream().mapToInt(List::size).sum();
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
            boolean done = w.version() <= now && w.condition().test(state);
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
