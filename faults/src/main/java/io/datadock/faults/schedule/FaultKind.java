package io.datadock.faults.schedule;

import io.datadock.faults.cluster.FaultCluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The faults the harness injects, and the operator actions it runs during the load the same way (at
 * a scheduled time, then waits until every instance is ready again).
 */
public enum FaultKind {
  /** {@code kill -9} of the broker leading a command partition; restarted a little later. */
  KILL_LEADER_BROKER(true, Target.BROKER),
  /** A broker stopped ({@code SIGTERM}) and started again on its log directory. */
  RESTART_BROKER(true, Target.BROKER),
  /** {@code kill -9} of one secret-service or depot-service instance; restarted later. */
  KILL_SERVICE(true, Target.SESSION),
  /** {@code kill -9} of one gateway; restarted later. */
  KILL_GATEWAY(true, null),
  /**
   * {@code SIGSTOP} of a service instance for longer than its session, then {@code SIGCONT}: its
   * partitions move on meanwhile, and the zombie's transactions must be fenced.
   */
  PAUSE_SERVICE(true, Target.SESSION),
  /**
   * The disk of the broker leading a command partition fills up (a ballast file written into its
   * small file system until ENOSPC): its log directory goes offline and, being its only one, the
   * broker halts; the ballast is deleted and the broker started again. Needs the right to mount
   * ({@link RunnableKinds} leaves it out where there is none).
   */
  FILL_DISK(true, Target.BROKER),
  /**
   * Not a fault: a sealing key rotation on every secret-service instance ({@code POST
   * /internal/v1/keys/rotate}); each re-seals its secrets to the new key while clients write them.
   * Re-sealing publishes no event and no version, so the checker's rules hold across it.
   */
  ROTATE_KEYS(false, null),
  /**
   * Not a fault: an {@code admin replay} of depot-service while clients write ({@code POST
   * /api/v1/admin/replay}): its instances pause, rebuild from their inputs and resume.
   */
  REPLAY_DEPOT_SERVICE(false, null);

  /** The bounds on a fault's unavailability window. */
  private static final class Target {
    /** The clients' retry plus a leader election. */
    static final Duration BROKER = Duration.ofSeconds(10);

    /** The session the services are configured with. */
    static final Duration SESSION = FaultCluster.SESSION;
  }

  private final boolean breaksSomething;
  private final Duration target;

  FaultKind(boolean breaksSomething, Duration target) {
    this.breaksSomething = breaksSomething;
    this.target = target;
  }

  /**
   * The longest the clients should go without a successful apply for this fault: a broker fault the
   * clients' retry plus a leader election (10 s), a service's death or pause the session
   * configured. None for a gateway (the clients move to the other one) and the operator actions.
   */
  public Optional<Duration> target() {
    return Optional.ofNullable(target);
  }

  /** Whether it stops a broker, which only a cluster replicating every topic survives. */
  public boolean hitsBroker() {
    return target == Target.BROKER;
  }

  /** The kinds that break something (the operator actions left out). */
  public static List<FaultKind> faults() {
    return Arrays.stream(values()).filter(k -> k.breaksSomething).toList();
  }
}
