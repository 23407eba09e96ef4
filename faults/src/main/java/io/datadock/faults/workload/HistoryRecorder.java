package io.datadock.faults.workload;

import io.datadock.faults.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Collects every operation of every client, with times on one clock started with the run. */
public final class HistoryRecorder {

  private final long origin = System.nanoTime();
  private final AtomicLong ids = new AtomicLong();
  private final List<Operation> operations = new ArrayList<>();

  /** Nanoseconds since the run began. */
  public long now() {
    return System.nanoTime() - origin;
  }

  public void record(
      String client,
      Operation.Type type,
      String key,
      long invoked,
      Operation.Outcome outcome,
      long version) {
    Operation op =
        new Operation(ids.incrementAndGet(), client, type, key, invoked, now(), outcome, version);
    synchronized (operations) {
      operations.add(op);
    }
  }

  public List<Operation> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }
}
