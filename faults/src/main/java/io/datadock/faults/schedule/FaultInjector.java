package io.datadock.faults.schedule;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.workload.HistoryRecorder;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs a schedule against the cluster, one fault after another: injects it, heals it (restart,
 * {@code SIGCONT}) and waits until the hit instance is ready again, recording when each happened on
 * the history's clock.
 */
public final class FaultInjector {

  /** When a fault was injected and when its instance was ready again (history clock, ns). */
  public record Injected(Fault fault, String target, long startedNanos, long healedNanos) {}

  private static final Duration READY = Duration.ofSeconds(120);

  private final FaultCluster cluster;
  private final LongSupplier clock;
  private final OperatorActions operator;
  private final List<Injected> injected = new ArrayList<>();

  public FaultInjector(FaultCluster cluster, HistoryRecorder history, String adminToken) {
    this.cluster = cluster;
    this.clock = history::now;
    this.operator = new OperatorActions(cluster, adminToken);
  }

  /** Runs every fault at its time; returns once the last one is healed. */
  public List<Injected> run(List<Fault> schedule) throws Exception {
    for (Fault fault : schedule) {
      long wait = fault.atMillis() - clock.getAsLong() / 1_000_000;
      if (wait > 0) {
        Thread.sleep(wait);
      }
      // the wall clock, to find the fault in the processes' logs
      System.out.println("fault " + fault.kind() + " begins at " + LocalTime.now());
      injected.add(inject(fault));
      System.out.println("fault " + injected.get(injected.size() - 1));
    }
    return List.copyOf(injected);
  }

  private Injected inject(Fault fault) throws Exception {
    long started = clock.getAsLong();
    String target =
        switch (fault.kind()) {
          case KILL_LEADER_BROKER -> {
            int node = cluster.leaderBroker();
            cluster.kafka().kill(node);
            Thread.sleep(5_000);
            cluster.kafka().restart(node, READY);
            yield "kafka-" + node;
          }
          case RESTART_BROKER -> {
            int node = 1 + fault.target() % cluster.brokers();
            cluster.kafka().stop(node);
            cluster.kafka().restart(node, READY);
            yield "kafka-" + node;
          }
          case KILL_SERVICE -> {
            String id = pick(FaultCluster.SERVICES, fault);
            cluster.process(id).kill();
            Thread.sleep(3_000);
            cluster.services().restart(id);
            yield id;
          }
          case KILL_GATEWAY -> {
            String id = pick(FaultCluster.GATEWAYS, fault);
            cluster.process(id).kill();
            Thread.sleep(2_000);
            cluster.services().restart(id);
            yield id;
          }
          case PAUSE_SERVICE -> {
            String id = pick(FaultCluster.SERVICES, fault);
            cluster.process(id).pause();
            Thread.sleep(FaultCluster.SESSION.plusSeconds(4).toMillis());
            cluster.process(id).resume();
            yield id;
          }
          case FILL_DISK -> FillDisk.inject(cluster, READY);
          case ROTATE_KEYS -> operator.rotateKeys();
          case REPLAY_DEPOT_SERVICE -> operator.replay("depot");
        };
    cluster.awaitReady(READY);
    return new Injected(fault, target, started, clock.getAsLong());
  }

  private static String pick(List<String> ids, Fault fault) {
    return ids.get(fault.target() % ids.size());
  }
}
