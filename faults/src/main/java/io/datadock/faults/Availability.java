package io.datadock.faults;

import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.schedule.FaultInjector.Injected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each fault cost the clients: the unavailability window (the longest time with no successful
 * apply that began between the fault and its healing, ending at the next successful apply or at the
 * next fault: the workload runs in one tenant) and the time to recovery (from the fault until the
 * successful apply that ended that window). A gap that began after the fault healed is not the
 * fault's: in a soak, with faults minutes apart, the longest gap of those minutes was often a quiet
 * moment long after a key rotation had healed.
 */
final class Availability {

  record Cost(Injected fault, long windowMillis, long recoveryMillis) {
    /** Whether the window stayed within the fault kind's target; empty when it has none. */
    Optional<Boolean> withinTarget() {
      return fault.fault().kind().target().map(t -> windowMillis <= t.toMillis());
    }

    @Override
    public String toString() {
      return String.format(
              "%-18s %-9s unavailable %6d ms, recovered in %6d ms, healed in %6d ms",
              fault.fault().kind(),
              fault.target(),
              windowMillis,
              recoveryMillis,
              (fault.healedNanos() - fault.startedNanos()) / 1_000_000)
          + fault
              .fault()
              .kind()
              .target()
              .map(
                  t ->
                      String.format(
                          ", target %6d ms: %s",
                          t.toMillis(), windowMillis <= t.toMillis() ? "met" : "OVER"))
              .orElse("");
    }
  }

  private Availability() {}

  static List<Cost> of(List<Injected> faults, List<Operation> history, long endNanos) {
    List<Operation> applies = history.stream().filter(o -> o.type() == Type.APPLY).toList();
    List<Cost> costs = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      Injected fault = faults.get(i);
      long from = fault.startedNanos();
      long to = i + 1 < faults.size() ? faults.get(i + 1).startedNanos() : endNanos;
      List<Long> successes =
          applies.stream()
              .filter(o -> succeeded(o) && o.completed() >= from && o.completed() <= to)
              .map(Operation::completed)
              .sorted()
              .toList();
      long healed = Math.max(from, fault.healedNanos());
      long longest = 0;
      long recovered = from;
      long previous = from;
      for (long t : successes) {
        if (previous > healed) {
          break;
        }
        if (t - previous > longest) {
          longest = t - previous;
          recovered = t;
        }
        previous = t;
      }
      if (previous <= healed && to - previous > longest) {
        longest = to - previous;
        recovered = to;
      }
      costs.add(new Cost(fault, longest / 1_000_000, (recovered - from) / 1_000_000));
    }
    return costs;
  }

  private static boolean succeeded(Operation o) {
    return o.outcome() == Outcome.CREATED
        || o.outcome() == Outcome.UPDATED
        || o.outcome() == Outcome.UNCHANGED;
  }
}
