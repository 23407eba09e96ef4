package io.datadock.faults.schedule;

/** The faults the harness injects. */
public enum FaultKind {
  /** {@code kill -9} of the broker leading a command partition; restarted a little later. */
  KILL_LEADER_BROKER,
  /** A broker stopped ({@code SIGTERM}) and started again on its log directory. */
  RESTART_BROKER,
  /** {@code kill -9} of one secret-service or depot-service instance; restarted later. */
  KILL_SERVICE,
  /** {@code kill -9} of one gateway; restarted later. */
  KILL_GATEWAY,
  /**
   * {@code SIGSTOP} of a service instance for longer than its session, then {@code SIGCONT}: its
   * partitions move on meanwhile, and the zombie's transactions must be fenced.
   */
  PAUSE_SERVICE
}
