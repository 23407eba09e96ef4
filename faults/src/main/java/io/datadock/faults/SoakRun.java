package io.datadock.faults;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.history.FinalState;
import io.datadock.faults.history.HistoryChecker;
import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Verdict;
import io.datadock.faults.schedule.Fault;
import io.datadock.faults.schedule.FaultInjector;
import io.datadock.faults.schedule.FaultKind;
import io.datadock.faults.schedule.RunnableKinds;
import io.datadock.faults.soak.HeapSampler;
import io.datadock.faults.soak.SseWatcher;
import io.datadock.faults.soak.SteadyRate;
import io.datadock.faults.workload.HistoryRecorder;
import io.datadock.faults.workload.Mix;
import io.datadock.faults.workload.Workload;
import io.datadock.local.cluster.ChildJit;
import io.datadock.local.cluster.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The soak: the cluster with a catalog scanner rescanning every active depot, the mixed workload
 * paced at a steady rate until a number of applies or minutes, live watchers on both gateways, the
 * heap after GC of every service process sampled each minute, optional scheduled events (faults or
 * operator actions) spread over the run, then the final state read and the history checked as in
 * {@link FaultRun}.
 */
public final class SoakRun {

  /**
   * @param rate requests a second, all clients together
   * @param applies stop after this many applies (0: no limit)
   * @param duration stop after this long after the warm-up (zero: no limit); one of the two limits
   *     is needed
   * @param events scheduled kinds, spread evenly over the run (none by default)
   * @param jit how the cluster's processes compile
   * @param mix the requests' kinds
   * @param warmup load at the rate before the first minute: not sampled, no event in it; its
   *     applies count. Fully compiling JVMs (C2) reach their rate only after minutes on two cores,
   *     and the gateway's watch window (90 s of changes) grows with the rate until then, so a run
   *     that samples its 2nd minute during that ramp reads the ramp as growth.
   * @param brokers 1 or {@link FaultCluster#BROKERS}; no broker event on one
   */
  public record Options(
      Path dir,
      long seed,
      double rate,
      long applies,
      Duration duration,
      int clients,
      int secrets,
      int depots,
      int watchers,
      Duration rescanInterval,
      List<FaultKind> events,
      ChildJit jit,
      Mix mix,
      Duration warmup,
      int brokers) {

    public Options {
      if (brokers < FaultCluster.BROKERS) {
        List<FaultKind> onBrokers =
            events.stream().filter(FaultKind::hitsBroker).distinct().toList();
        if (!onBrokers.isEmpty()) {
          throw new IllegalArgumentException(
              "--events "
                  + onBrokers
                  + " need "
                  + FaultCluster.BROKERS
                  + " brokers: on "
                  + brokers
                  + " the topics are down until it is back");
        }
      }
    }

    /**
     * How long the run is expected to last: the warm-up and the duration, else the applies at the
     * rate.
     */
    Duration expected() {
      if (!duration.isZero()) {
        return warmup.plus(duration);
      }
      return Duration.ofMillis((long) (applies / (rate * mix.applyShare()) * 1000));
    }
  }

  private SoakRun() {}

  public static SoakReport run(Options options) throws Exception {
    if (options.applies() <= 0 && options.duration().isZero()) {
      throw new IllegalArgumentException("a soak needs --applies or --minutes");
    }
    String token = "faults-admin-" + UUID.randomUUID();
    RunnableKinds scheduled = RunnableKinds.of(options.events(), options.dir());
    scheduled.skipped().ifPresent(System.out::println);
    try (FaultCluster cluster =
        FaultCluster.start(
            options.dir(),
            token,
            options.rescanInterval(),
            scheduled.needsSmallDisks(),
            options.jit(),
            options.brokers())) {
      HistoryRecorder history = new HistoryRecorder();
      HeapSampler heap = new HeapSampler(() -> processes(cluster), options.dir().resolve("heap"));
      List<SseWatcher> watchers = new ArrayList<>();
      for (int i = 0; i < options.watchers(); i++) {
        String gateway = cluster.gatewayUrls().get(i % cluster.gatewayUrls().size());
        watchers.add(new SseWatcher("w" + i, gateway, token).start());
      }
      ScheduledExecutorService minutes = Executors.newSingleThreadScheduledExecutor();
      List<FaultInjector.Injected> injected;
      long loadEnded;
      try (Workload workload =
          Workload.on(cluster, token, history, options.secrets(), options.depots(), options.seed())
              .mixedAs(options.mix())
              .pacedBy(SteadyRate.perSecond(options.rate()))
              .start(options.clients())) {
        if (!options.warmup().isZero()) {
          System.out.printf("warm-up: %s at the rate, not sampled%n", options.warmup());
          TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());
          System.out.printf(
              "warm-up over: applies=%d operations=%d%n",
              workload.applies(), history.operations().size());
        }
        int[] minute = {0};
        minutes.scheduleAtFixedRate(
            () -> {
              minute[0]++;
              System.out.printf(
                  "minute %d applies=%d operations=%d%s%n",
                  minute[0],
                  workload.applies(),
                  history.operations().size(),
                  cluster
                      .disks()
                      .map(d -> " broker disks used (MiB)=" + mebibytes(d.used()))
                      .orElse(""));
              heap.sample(minute[0]);
            },
            1,
            1,
            TimeUnit.MINUTES);
        CompletableFuture<List<FaultInjector.Injected>> events =
            CompletableFuture.supplyAsync(
                () -> runEvents(cluster, history, token, options, scheduled.kinds()));
        awaitEnd(options, workload, history);
        injected = events.get(10, TimeUnit.MINUTES);
        minutes.shutdown(); // a sample under way finishes (jcmd is not interrupted)
        minutes.awaitTermination(2, TimeUnit.MINUTES);
        loadEnded = history.now();
      }
      watchers.forEach(SseWatcher::close);
      List<Operation> operations = history.operations();
      FinalState end = FinalStateReader.read(cluster, token);
      long checking = System.nanoTime();
      Verdict verdict = HistoryChecker.check(operations, end);
      System.out.printf(
          "history of %d operations checked in %.1f s%n",
          operations.size(), (System.nanoTime() - checking) / 1e9);
      return new SoakReport(
          operations,
          history.unknownCauses(),
          history.answeredOnRetry(),
          loadEnded,
          verdict,
          Availability.of(injected, operations, loadEnded),
          watchers.stream().map(SseWatcher::toString).toList(),
          watchers.stream().mapToLong(SseWatcher::errors).sum(),
          heap.samples());
    }
  }

  private static void awaitEnd(Options options, Workload workload, HistoryRecorder history)
      throws InterruptedException {
    long until = options.duration().isZero() ? Long.MAX_VALUE : options.expected().toNanos();
    long applies = options.applies() <= 0 ? Long.MAX_VALUE : options.applies();
    while (history.now() < until && workload.applies() < applies) {
      TimeUnit.MILLISECONDS.sleep(200); // polling the stop condition, not synchronizing
    }
  }

  /** The scheduled events, evenly spread over the run's expected length. */
  private static List<FaultInjector.Injected> runEvents(
      FaultCluster cluster,
      HistoryRecorder history,
      String token,
      Options options,
      List<FaultKind> kinds) {
    long gap = options.expected().minus(options.warmup()).toMillis() / (kinds.size() + 1);
    List<Fault> schedule = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      schedule.add(new Fault(kinds.get(i), gap * (i + 1), i));
    }
    try {
      return new FaultInjector(cluster, history, token).run(schedule);
    } catch (Exception e) {
      // the soak goes on and reports its figures; the failed event is in the output
      System.out.println("scheduled event failed: " + e);
      return List.of();
    }
  }

  private static String mebibytes(List<Long> bytes) {
    return bytes.stream().map(b -> String.valueOf(b >> 20)).collect(Collectors.joining("/"));
  }

  private static Map<String, ChildJvm> processes(FaultCluster cluster) {
    Map<String, ChildJvm> byName = new LinkedHashMap<>();
    for (String id : cluster.services().ids()) {
      byName.put(id, cluster.process(id));
    }
    return byName;
  }
}
