package io.datadock.gateway.replay;

import io.datadock.runtime.replay.StateDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The instances' digests, as a replay adds them up. */
final class Digests {

  private Digests() {}

  /**
   * The service's digest from every instance's shares, each partition counted once: an instance
   * that took a partition over from one that stopped earlier reports it too, with the same state.
   */
  static StateDigest sum(Map<String, Map<Integer, StateDigest>> byInstance) {
    Map<Integer, StateDigest> byPartition = new TreeMap<>();
    byInstance.values().forEach(shares -> shares.forEach(byPartition::putIfAbsent));
    return StateDigest.total(byPartition);
  }

  static Set<Integer> partitions(Map<String, Map<Integer, StateDigest>> byInstance) {
    Set<Integer> all = new TreeSet<>();
    byInstance.values().forEach(shares -> all.addAll(shares.keySet()));
    return all;
  }

  /** The instances that stopped and have not reported their digest since. */
  static List<String> missing(CoordinatorState s) {
    List<String> missing = new ArrayList<>(s.before().keySet());
    missing.removeAll(s.after().keySet());
    return missing;
  }

  static ReplayReport report(CoordinatorState s, Instant now) {
    return new ReplayReport(
        s.run().replayId(),
        s.run().service(),
        List.copyOf(s.before().keySet()),
        sum(s.before()),
        sum(s.after()),
        Duration.between(s.run().started(), now).toMillis());
  }
}
