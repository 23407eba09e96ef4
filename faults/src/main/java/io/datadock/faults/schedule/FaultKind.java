package io.datadock.faults.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * The faults the harness injects, and the operator actions it runs during the load the same way (at
 * a scheduled time, then waits until every instance is ready again).
 */
public enum FaultKind {
  /** {@code kill -9} of the broker leading a command partition; restarted a little later. */
  KILL_LEADER_BROKER(true),
  /** A broker stopped ({@code SIGTERM}) and started again on its log directory. */
  RESTART_BROKER(true),
  /** {@code kill -9} of one secret-service or depot-service instance; restarted later. */
  KILL_SERVICE(true),
  /** {@code kill -9} of one gateway; restarted later. */
  KILL_GATEWAY(true),
  /**
   * {@code SIGSTOP} of a service instance for longer than its session, then {@code SIGCONT}: its
   * partitions move on meanwhile, and the zombie's transactions must be fenced.
   */
  PAUSE_SERVICE(true),
  /**
   * The disk of the broker leading a command partition fills up (a ballast file written into its
   * small file system until ENOSPC): its log directory goes offline and, being its only one, the
   * broker halts; the ballast is deleted and the broker started again. Needs the right to mount
   * ({@link RunnableKinds} leaves it out where there is none).
   */
  FILL_DISK(true),
  /**
   * Not a fault: a sealing key rotation on every secret-service instance ({@code POST
   * /internal/v1/keys/rotate}); each re-seals its secrets to the new key while clients write them.
   * Re-sealing publishes no event and no version, so the checker's rules hold across it.
   */
  ROTATE_KEYS(false),
  /**
   * Not a fault: an {@code admin replay} of depot-service while clients write ({@code POST
   * /api/v1/admin/replay}): its instances pause, rebuild from their inputs and resume.
   */
  REPLAY_DEPOT_SERVICE(false);

  private final boolean breaksSomething;

  FaultKind(boolean breaksSomething) {
    this.breaksSomething = breaksSomething;
  }

  /** The kinds that break something (the operator actions left out). */
  public static List<FaultKind> faults() {
    return Arrays.stream(values()).filter(k -> k.breaksSomething).toList();
  }
}
