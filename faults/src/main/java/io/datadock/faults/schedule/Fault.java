package io.datadock.faults.schedule;

/**
 * One fault of a schedule: its kind, when it starts (since the run began) and which instance of its
 * kind it hits (an index the injector maps onto the instances there are).
 */
public record Fault(FaultKind kind, long atMillis, int target) {

  @Override
  public String toString() {
    return kind + " at " + atMillis + " ms (target " + target + ")";
  }
}
