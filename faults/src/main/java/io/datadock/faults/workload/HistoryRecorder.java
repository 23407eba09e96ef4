package io.datadock.faults.workload;

import io.datadock.faults.history.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Collects every operation of every client, with times on one clock started with the run. */
public final class HistoryRecorder {

  private final long origin = System.nanoTime();
  private final AtomicLong ids = new AtomicLong();
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Long, String> unknownCauses = new ConcurrentHashMap<>();
  private final Set<Long> answeredOnRetry = ConcurrentHashMap.newKeySet();

  /** Nanoseconds since the run began. */
  public long now() {
    return System.nanoTime() - origin;
  }

  /**
   * @param unknownCause for an {@link Operation.Outcome#UNKNOWN} outcome, what the client got: the
   *     HTTP status, or the exception when there was no answer
   * @return the operation's id
   */
  public long record(
      String client,
      Operation.Type type,
      String key,
      long invoked,
      Operation.Outcome outcome,
      long version,
      String unknownCause) {
    Operation op =
        new Operation(ids.incrementAndGet(), client, type, key, invoked, now(), outcome, version);
    if (unknownCause != null && outcome == Operation.Outcome.UNKNOWN) {
      unknownCauses.put(op.id(), unknownCause);
    }
    synchronized (operations) {
      operations.add(op);
    }
    return op.id();
  }

  /**
   * Marks operations left without an answer whose request a later attempt, on another gateway, got
   * answered: the client saw an answer, though each of these may still have taken effect.
   */
  public void answeredOnRetry(Collection<Long> ids) {
    answeredOnRetry.addAll(ids);
  }

  /** The ids {@link #answeredOnRetry} marked. */
  public Set<Long> answeredOnRetry() {
    return Set.copyOf(answeredOnRetry);
  }

  /** What the client got for each unknown outcome, by operation id. */
  public Map<Long, String> unknownCauses() {
    return Map.copyOf(unknownCauses);
  }

  public List<Operation> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }
}
