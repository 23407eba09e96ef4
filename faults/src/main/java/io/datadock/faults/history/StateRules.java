package io.datadock.faults.history;

import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.history.Violation.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules between one resource's answers, its later reads and its final state. Each observation
 * (a read, an {@code unchanged} apply, a refused or not-found delete, the final state) is compared
 * with the last fact established before it (the answer to an apply or a delete; reads are not
 * facts, so one wrong read is reported once), when nothing else could have changed the resource in
 * between: then it must see what that fact left, at that version or a newer one. When something
 * could have (a concurrent or unknown change), no claim is made.
 */
final class StateRules {

  private StateRules() {}

  /** The state a fact leaves or an observation sees: absent, or present at a version. */
  private record Seen(boolean exists, long version) {
    static Optional<Seen> of(Operation op) {
      return switch (op.outcome()) {
        case CREATED, UPDATED -> Optional.of(new Seen(true, op.version()));
        case UNCHANGED, FOUND -> Optional.of(new Seen(true, op.version()));
        case REFUSED -> Optional.of(new Seen(true, Operation.NO_VERSION));
        case DELETED, NOT_FOUND, ABSENT -> Optional.of(new Seen(false, Operation.NO_VERSION));
        case FAILED, UNKNOWN -> Optional.empty();
      };
    }

    @Override
    public String toString() {
      return exists
          ? "present" + (version == Operation.NO_VERSION ? "" : " v" + version)
          : "absent";
    }
  }

  static List<Violation> check(String key, List<Operation> ops, Long finalVersion) {
    Facts facts = new Facts(ops.stream().filter(StateRules::isFact).toList());
    Overlaps changes = new Overlaps(ops.stream().filter(Operation::mayHaveChanged).toList());
    List<Violation> found = new ArrayList<>();
    for (Operation observation : ops) {
      if (isObservation(observation)) {
        Seen seen = Seen.of(observation).orElseThrow();
        compare(
                key,
                facts,
                changes,
                observation,
                observation.invoked(),
                observation.completed(),
                seen)
            .ifPresent(found::add);
      }
    }
    Seen end =
        finalVersion == null ? new Seen(false, Operation.NO_VERSION) : new Seen(true, finalVersion);
    compare(key, facts, changes, "final state: " + end, Long.MAX_VALUE, Long.MAX_VALUE, end)
        .ifPresent(found::add);
    found.addAll(versionsGrow(key, ops));
    return found;
  }

  /** An apply's or a delete's answer that says what it left. */
  private static boolean isFact(Operation op) {
    return op.type() != Type.READ && Seen.of(op).isPresent();
  }

  private static boolean isObservation(Operation op) {
    return op.type() == Type.READ && op.outcome() != Outcome.UNKNOWN
        || op.outcome() == Outcome.UNCHANGED
        || op.outcome() == Outcome.REFUSED
        || op.outcome() == Outcome.NOT_FOUND;
  }

  private static Optional<Violation> compare(
      String key,
      Facts facts,
      Overlaps changes,
      Object observation,
      long invoked,
      long completed,
      Seen seen) {
    Optional<Operation> last = facts.lastBefore(invoked);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Operation fact = last.get();
    boolean interfered = changes.anyBetween(fact.invoked(), completed, fact, observation);
    if (interfered) {
      return Optional.empty();
    }
    Seen expected = Seen.of(fact).orElseThrow();
    boolean versionsKnown =
        expected.version() != Operation.NO_VERSION && seen.version() != Operation.NO_VERSION;
    // a newer version than the fact left is allowed: a service may move a resource on by itself
    // (a depot's activation), but never back
    if (expected.exists() == seen.exists()
        && (!expected.exists() || !versionsKnown || seen.version() >= expected.version())) {
      return Optional.empty();
    }
    Rule rule =
        versionsKnown && expected.exists() && seen.exists() && seen.version() < expected.version()
            ? Rule.VERSION_DECREASED
            : Rule.CONTRADICTED;
    return Optional.of(
        new Violation(
            rule,
            key,
            "nothing could change it after the first, yet the second sees " + seen,
            List.of(fact, observation)));
  }

  /**
   * Of two acknowledged applies one after the other, with no delete in between, the later is newer.
   */
  private static List<Violation> versionsGrow(String key, List<Operation> ops) {
    List<Operation> applies =
        ops.stream()
            .filter(o -> o.type() == Type.APPLY && o.acknowledgedChange())
            .sorted(Comparator.comparingLong(Operation::completed))
            .toList();
    Overlaps deletes =
        new Overlaps(
            ops.stream().filter(d -> d.type() == Type.DELETE && d.mayHaveChanged()).toList());
    List<Violation> found = new ArrayList<>();
    for (int i = 0; i + 1 < applies.size(); i++) {
      Operation a = applies.get(i);
      Operation b = applies.get(i + 1);
      boolean deleteBetween = deletes.anyBetween(a.invoked(), b.completed());
      if (a.completed() < b.invoked() && !deleteBetween && b.version() <= a.version()) {
        found.add(
            new Violation(
                Rule.VERSION_DECREASED,
                key,
                "a later apply answered an older version",
                List.of(a, b)));
      }
    }
    return found;
  }
}
