package io.datadock.faults.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker's two indexes ({@link Facts}, {@link Overlaps}) answer as a scan of every operation
 * would, on random histories dense with overlaps and ties (times from a small range).
 */
class IndexedRulesTest {

  private static final Random RANDOM = new Random(42);

  private static List<Operation> randomOperations(int count) {
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long invoked = RANDOM.nextInt(60);
      long completed = RANDOM.nextInt(10) == 0 ? Long.MAX_VALUE : invoked + 1 + RANDOM.nextInt(15);
      Outcome outcome = completed == Long.MAX_VALUE ? Outcome.UNKNOWN : Outcome.UPDATED;
      ops.add(new Operation(i, "c", Type.APPLY, "k", invoked, completed, outcome, i));
    }
    ops.sort(Comparator.comparingLong(Operation::invoked));
    return ops;
  }

  @Test
  void theLastFactBeforeATimeIsTheScansFirstLatest() {
    for (int round = 0; round < 300; round++) {
      List<Operation> ops = randomOperations(RANDOM.nextInt(30));
      Facts facts = new Facts(ops);
      for (long time = -1; time < 80; time++) {
        long t = time;
        Optional<Operation> scanned =
            ops.stream()
                .filter(o -> o.completed() < t)
                .max(Comparator.comparingLong(Operation::completed));
        assertThat(facts.lastBefore(t)).as("round %d, time %d", round, t).isEqualTo(scanned);
      }
    }
  }

  @Test
  void anOverlapIsFoundExactlyWhenAScanFindsOneWhateverIsExcepted() {
    for (int round = 0; round < 300; round++) {
      List<Operation> ops = randomOperations(RANDOM.nextInt(30));
      Overlaps overlaps = new Overlaps(ops);
      for (int query = 0; query < 100; query++) {
        long from = RANDOM.nextInt(80);
        long until = RANDOM.nextInt(10) == 0 ? Long.MAX_VALUE : RANDOM.nextInt(80);
        Object first = ops.isEmpty() ? "none" : ops.get(RANDOM.nextInt(ops.size()));
        Object second = ops.isEmpty() ? "none" : ops.get(RANDOM.nextInt(ops.size()));
        boolean scanned =
            ops.stream()
                .anyMatch(
                    m -> m != first && m != second && m.invoked() < until && m.completed() > from);
        assertThat(overlaps.anyBetween(from, until, first, second))
            .as("round %d: from %d until %d except %s and %s", round, from, until, first, second)
            .isEqualTo(scanned);
      }
    }
  }
}
