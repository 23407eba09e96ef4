package io.datadock.faults.history;

import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Violation.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules between one resource's answers and its committed events: every acknowledged change is
 * there exactly once, nothing more was committed than was acknowledged or left unknown, and write
 * versions grow between deletes.
 */
final class EventRules {

  private EventRules() {}

  static List<Violation> check(String key, List<Operation> ops, List<Event> events) {
    List<Violation> found = new ArrayList<>();
    for (Operation op : ops) {
      if (op.type() == Type.APPLY && op.acknowledgedChange()) {
        List<Event> own =
            events.stream()
                .filter(e -> e.change() == Event.Change.WRITE && e.version() == op.version())
                .toList();
        if (own.isEmpty()) {
          found.add(violation(Rule.LOST, key, "acknowledged, no event at its version", op, own));
        } else if (own.size() > 1) {
          found.add(
              violation(Rule.DUPLICATED, key, own.size() + " events at its version", op, own));
        }
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

  /**
   * Acknowledged changes of one type all committed ({@code LOST} otherwise), and no more committed
   * than acknowledged plus unknown ({@code APPLIED_THOUGH_FAILED} otherwise).
   */
  private static void countRule(
      String key,
      List<Operation> ops,
      List<Event> events,
      Type type,
      Event.Change change,
      List<Violation> found) {
    List<Operation> ofType = ops.stream().filter(o -> o.type() == type).toList();
    long acknowledged = ofType.stream().filter(Operation::acknowledgedChange).count();
    long unknown = ofType.stream().filter(o -> o.outcome() == Outcome.UNKNOWN).count();
    List<Event> committed = events.stream().filter(e -> e.change() == change).toList();
    List<Object> evidence = new ArrayList<>(ofType);
    evidence.addAll(committed);
    if (type == Type.DELETE && committed.size() < acknowledged) {
      found.add(
          new Violation(
              Rule.LOST,
              key,
              acknowledged + " deletes acknowledged, " + committed.size() + " committed",
              evidence));
    }
    if (committed.size() > acknowledged + unknown) {
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
