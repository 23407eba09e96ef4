package io.datadock.faults.history;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers that establish a resource's state, sorted by completion, to find the last one before a
 * time with one binary search.
 */
final class Facts {

  private final Operation[] byCompletion;
  private final long[] completed;

  /**
   * @param facts in the order they were invoked
   */
  Facts(List<Operation> facts) {
    // a stable sort: of answers completed at the same instant, the first invoked counts
    byCompletion =
        facts.stream()
            .sorted(Comparator.comparingLong(Operation::completed))
            .toArray(Operation[]::new);
    completed = Arrays.stream(byCompletion).mapToLong(Operation::completed).toArray();
  }

  /** The fact completed last before {@code time}; the first invoked of those completed then. */
  Optional<Operation> lastBefore(long time) {
    int before = SortedTimes.countBefore(completed, time);
    if (before == 0) {
      return Optional.empty();
    }
    int first = before - 1;
    while (first > 0 && completed[first - 1] == completed[before - 1]) {
      first--;
    }
    return Optional.of(byCompletion[first]);
  }
}
