package io.datadock.gateway.replay;

import static io.datadock.gateway.replay.CoordinatorProtocol.fail;
import static io.datadock.gateway.replay.CoordinatorProtocol.failed;
import static io.datadock.gateway.replay.CoordinatorProtocol.take;

import io.datadock.gateway.replay.CoordinatorAction.AwaitAnswers;
import io.datadock.gateway.replay.CoordinatorAction.Publish;
import io.datadock.gateway.replay.CoordinatorInput.Answers;
import io.datadock.gateway.replay.CoordinatorProtocol.Step;
import io.datadock.gateway.replay.CoordinatorState.Phase;
import io.datadock.gateway.replay.ReplayException.Reason;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.schemas.control.ReplayPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last phases of {@link CoordinatorProtocol}: asking every instance for its digest until their
 * answers cover every partition that was reported before (right after a rebuild, a rebalance may
 * briefly leave a partition with no active owner), then adding the digests up into the report.
 */
final class DigestCollection {

  private DigestCollection() {}

  /** DIGEST_REQUESTED, collecting the answers afresh. */
  static Step ask(CoordinatorState s) {
    return new Step(
        s.withoutAfter().to(Phase.COLLECTING_DIGESTS),
        List.of(new Publish(ReplayPhase.DIGEST_REQUESTED, Map.of(), null), new AwaitAnswers()));
  }

  static Step collecting(CoordinatorState s, CoordinatorInput in, Instant now) {
    if (!(in instanceof Answers a)) {
      return failed(s, in);
    }
    Step taken = take(s, a, ReplayPhase.DIGEST, List.of(new AwaitAnswers()));
    CoordinatorState t = taken.state();
    if (t.finished()) {
      return taken;
    }
    boolean everyInstance = t.after().keySet().containsAll(t.before().keySet());
    if (everyInstance && partitions(t.after()).containsAll(partitions(t.before()))) {
      return new Step(t.done(report(t, now)), List.of());
    }
    String service = s.run().service();
    if (now.isAfter(s.run().deadline())) {
      return fail(
          t,
          Reason.TIMEOUT,
          everyInstance
              ? service + " was rebuilt but some of its partitions have no active owner yet"
              : service
                  + " was rebuilt but not every instance reported its digest; missing: "
                  + missing(t));
    }
    return everyInstance
        ? new Step(t.to(Phase.SETTLING), List.of(new AwaitAnswers()))
        : new Step(t, List.of(new AwaitAnswers()));
  }

  /** The answers that came while settling are dropped: the digests are asked for again. */
  static Step settling(CoordinatorState s, CoordinatorInput in) {
    return in instanceof Answers ? ask(s) : failed(s, in);
  }

  /**
   * The service's digest from every instance's shares, each partition counted once: an instance
   * that took a partition over from one that stopped earlier reports it too, with the same state.
   */
  static StateDigest sum(Map<String, Map<Integer, StateDigest>> byInstance) {
    Map<Integer, StateDigest> byPartition = new TreeMap<>();
    byInstance.values().forEach(shares -> shares.forEach(byPartition::putIfAbsent));
    return StateDigest.total(byPartition);
  }

  private static Set<Integer> partitions(Map<String, Map<Integer, StateDigest>> byInstance) {
    Set<Integer> all = new TreeSet<>();
    byInstance.values().forEach(shares -> all.addAll(shares.keySet()));
    return all;
  }

  /** The instances that stopped and have not reported their digest since. */
  private static List<String> missing(CoordinatorState s) {
    List<String> missing = new ArrayList<>(s.before().keySet());
    missing.removeAll(s.after().keySet());
    return missing;
  }

  private static ReplayReport report(CoordinatorState s, Instant now) {
    return new ReplayReport(
        s.run().replayId(),
        s.run().service(),
        List.copyOf(s.before().keySet()),
        sum(s.before()),
        sum(s.after()),
        Duration.between(s.run().started(), now).toMillis());
  }
}
