package io.datadock.faults.history;

import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Violation.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules between one resource's answers and its committed events: every acknowledged change is
 * there exactly once, nothing more was committed than was acknowledged or left unknown, and write
 * versions grow between deletes.
 */
final class EventRules {

  private EventRules() {}

  static List<Violation> check(String key, List<Operation> ops, List<Event> events) {
    Map<String, List<Event>> byChangeAndVersion =
        events.stream().collect(Collectors.groupingBy(e -> e.change() + "v" + e.version()));
    List<Violation> found = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    for (Operation op : ops) {
      if (!op.acknowledgedChange() || op.version() == Operation.NO_VERSION) {
        continue;
      }
      Event.Change change = op.type() == Type.APPLY ? Event.Change.WRITE : Event.Change.DELETE;
      String changeAndVersion = change + "v" + op.version();
      if (!checked.add(changeAndVersion)) {
        continue; // concurrent deletes answered at the version they removed: one deletion
      }
      List<Event> own = byChangeAndVersion.getOrDefault(changeAndVersion, List.of());
      if (own.isEmpty()) {
        found.add(violation(Rule.LOST, key, "acknowledged, no event at its version", op, own));
      } else if (own.size() > 1) {
        found.add(violation(Rule.DUPLICATED, key, own.size() + " events at its version", op, own));
      }
    }
    countRule(key, ops, events, Type.APPLY, Event.Change.WRITE, found);
    countRule(key, ops, events, Type.DELETE, Event.Change.DELETE, found);
    Event previous = null;
    for (Event e : events) {
      if (e.change() == Event.Change.DELETE) {
        previous = null;
        continue;
      }
      if (previous != null && e.version() <= previous.version()) {
        found.add(
            new Violation(
                Rule.VERSION_DECREASED,
                key,
                "write events' versions do not grow",
                List.of(previous, e)));
      }
      previous = e;
    }
    return found;
  }

  /** No more changes of one type committed than acknowledged plus unknown. */
  private static void countRule(
      String key,
      List<Operation> ops,
      List<Event> events,
      Type type,
      Event.Change change,
      List<Violation> found) {
    List<Operation> ofType = ops.stream().filter(o -> o.type() == type).toList();
    // concurrent deletes of one resource may all be answered "deleted" at the version they
    // removed: one deletion, so acknowledged changes count once per version
    long acknowledged =
        ofType.stream()
            .filter(Operation::acknowledgedChange)
            .map(o -> o.version() == Operation.NO_VERSION ? "#" + o.id() : "v" + o.version())
            .distinct()
            .count();
    long unknown = ofType.stream().filter(o -> o.outcome() == Outcome.UNKNOWN).count();
    List<Event> committed = events.stream().filter(e -> e.change() == change).toList();
    if (committed.size() > acknowledged + unknown) {
      List<Object> evidence = new ArrayList<>(ofType);
      evidence.addAll(committed);
      found.add(
          new Violation(
              Rule.APPLIED_THOUGH_FAILED,
              key,
              committed.size()
                  + " "
                  + change
                  + " events, only "
                  + acknowledged
                  + " acknowledged and "
                  + unknown
                  + " unknown",
              evidence));
    }
  }

  private static Violation violation(
      Rule rule, String key, String message, Operation op, List<Event> events) {
    List<Object> evidence = new ArrayList<>();
    evidence.add(op);
    evidence.addAll(events);
    return new Violation(rule, key, message, evidence);
  }
}
