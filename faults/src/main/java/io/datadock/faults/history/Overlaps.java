package io.datadock.faults.history;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Operations indexed to answer "did any of them, other than these (at most two), start before
 * {@code until} and end after {@code from}?" with one binary search: sorted by when they were
 * invoked, with the three latest completions of every prefix. A million-operation soak asks this
 * once per observation, so a scan of every operation each time would be quadratic per resource.
 */
final class Overlaps {

  private static final int EXCEPTIONS = 2;

  private final long[] invoked;
  private final Operation[] byInvoked;

  /** For each prefix length n, its latest-completing operations, latest first (null: fewer). */
  private final Operation[][] latest;

  Overlaps(List<Operation> operations) {
    byInvoked =
        operations.stream()
            .sorted(Comparator.comparingLong(Operation::invoked))
            .toArray(Operation[]::new);
    invoked = Arrays.stream(byInvoked).mapToLong(Operation::invoked).toArray();
    latest = new Operation[byInvoked.length + 1][];
    latest[0] = new Operation[EXCEPTIONS + 1];
    for (int i = 0; i < byInvoked.length; i++) {
      latest[i + 1] = withCompletion(latest[i], byInvoked[i]);
    }
  }

  private static Operation[] withCompletion(Operation[] previous, Operation op) {
    Operation[] next = previous.clone();
    Operation carried = op;
    for (int i = 0; i < next.length && carried != null; i++) {
      if (next[i] == null || carried.completed() > next[i].completed()) {
        Operation displaced = next[i];
        next[i] = carried;
        carried = displaced;
      }
    }
    return next;
  }

  /**
   * Whether an operation other than {@code except} was invoked before {@code until} and completed
   * after {@code from}: one that may have taken effect after something that began at {@code from}
   * and before something that ended at {@code until}.
   */
  boolean anyBetween(long from, long until, Object... except) {
    if (except.length > EXCEPTIONS) {
      throw new IllegalArgumentException("at most " + EXCEPTIONS + " exceptions");
    }
    for (Operation candidate : latest[SortedTimes.countBefore(invoked, until)]) {
      if (candidate == null) {
        return false;
      }
      if (!isOneOf(candidate, except)) {
        return candidate.completed() > from;
      }
    }
    return false;
  }

  private static boolean isOneOf(Operation op, Object[] except) {
    for (Object e : except) {
      if (e == op) {
        return true;
      }
    }
    return false;
  }
}
