package io.datadock.faults;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.history.HistoryChecker;
import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Verdict;
import io.datadock.faults.schedule.Fault;
import io.datadock.faults.schedule.FaultInjector;
import io.datadock.faults.schedule.FaultKind;
import io.datadock.faults.schedule.FaultSchedule;
import io.datadock.faults.schedule.RunnableKinds;
import io.datadock.faults.workload.HistoryRecorder;
import io.datadock.faults.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One run: the cluster started, the workload going, the schedule's faults injected and healed, the
 * workload stopped, the final state read (with a replay of each service) and the history checked.
 */
public final class FaultRun {

  /**
   * @param rounds how many times each fault kind is injected
   * @param gap time between two faults (each fault and its healing take part of it)
   * @param kinds the kinds scheduled, each once a round
   */
  public record Options(
      Path dir,
      long seed,
      int rounds,
      Duration gap,
      int clients,
      int secrets,
      int depots,
      List<FaultKind> kinds) {

    /**
     * The short schedule: each fault once, 12 s apart, 8 clients on 12 secrets and 6 depots. A
     * fault and its healing take 7–25 s here; one that takes longer delays the next, never overlaps
     * it (so the faults mostly run back to back: 12 s, not 15, keeps the six faults' schedule as
     * long as the five's was). The operator actions (key rotation, replay) run in the full
     * schedule, not in this one: their cost in CI is not measured yet.
     */
    public static Options shortRun(Path dir, long seed) {
      return new Options(dir, seed, 1, Duration.ofSeconds(12), 8, 12, 6, FaultKind.faults());
    }
  }

  /** What a run proved and measured. */
  public record Report(
      List<FaultInjector.Injected> faults,
      List<Operation> history,
      Verdict verdict,
      List<Availability.Cost> costs,
      Optional<String> skipped) {

    public String text() {
      StringBuilder b = new StringBuilder(verdict.report());
      costs.forEach(c -> b.append(c).append('\n'));
      skipped.ifPresent(why -> b.append(why).append('\n'));
      return b.toString();
    }
  }

  private FaultRun() {}

  public static Report run(Options options) throws Exception {
    String token = "faults-admin-" + UUID.randomUUID();
    RunnableKinds kinds = RunnableKinds.of(options.kinds(), options.dir());
    kinds.skipped().ifPresent(System.out::println);
    List<Fault> schedule =
        FaultSchedule.of(
            options.seed(), options.rounds(), 10_000, options.gap().toMillis(), kinds.kinds());
    try (FaultCluster cluster =
        FaultCluster.start(options.dir(), token, null, kinds.needsSmallDisks())) {
      HistoryRecorder history = new HistoryRecorder(); // its clock starts with the load
      List<FaultInjector.Injected> injected;
      try (Workload workload =
          Workload.on(cluster, token, history, options.secrets(), options.depots(), options.seed())
              .start(options.clients())) {
        injected = new FaultInjector(cluster, history, token).run(schedule);
        Thread.sleep(options.gap().toMillis());
      }
      long end = history.now();
      List<Operation> operations = history.operations();
      Verdict verdict = HistoryChecker.check(operations, FinalStateReader.read(cluster, token));
      return new Report(
          injected,
          operations,
          verdict,
          Availability.of(injected, operations, end),
          kinds.skipped());
    }
  }
}
