package io.datadock.faults.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Proves a recorded history against what the system holds at the end: every acknowledged create,
 * update and delete is committed exactly once and in the final state unless something later changed
 * it; nothing answered as failed was committed; no answer is contradicted by a later read or by the
 * final state; versions only grow; the replayed state's digest equals the state's. Pure: no I/O, so
 * each rule is unit-tested on hand-made histories.
 */
public final class HistoryChecker {

  private HistoryChecker() {}

  public static Verdict check(List<Operation> history, FinalState end) {
    Map<String, List<Operation>> byKey =
        history.stream()
            .sorted(Comparator.comparingLong(Operation::invoked))
            .collect(Collectors.groupingBy(Operation::key, TreeMap::new, Collectors.toList()));
    Map<String, List<Event>> eventsByKey =
        end.events().stream().collect(Collectors.groupingBy(Event::key));
    TreeSet<String> keys = new TreeSet<>(byKey.keySet());
    keys.addAll(eventsByKey.keySet());
    List<Violation> violations = new ArrayList<>();
    for (String key : keys) {
      List<Operation> ops = byKey.getOrDefault(key, List.of());
      violations.addAll(EventRules.check(key, ops, eventsByKey.getOrDefault(key, List.of())));
      violations.addAll(StateRules.check(key, ops, end.resources().get(key)));
    }
    for (Map.Entry<String, String> digest : new TreeMap<>(end.digests()).entrySet()) {
      String replayed = end.replayedDigests().get(digest.getKey());
      if (!digest.getValue().equals(replayed)) {
        violations.add(
            new Violation(
                Violation.Rule.DIGEST_DIFFERS,
                digest.getKey(),
                "state " + digest.getValue() + ", replayed " + replayed,
                List.of()));
      }
    }
    long acknowledged = history.stream().filter(Operation::acknowledgedChange).count();
    return new Verdict(history.size(), acknowledged, violations);
  }
}
