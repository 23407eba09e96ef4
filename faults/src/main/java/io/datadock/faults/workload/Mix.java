package io.datadock.faults.workload;

/**
 * What share of a workload's requests is of each kind, in percent: secret applies, secret deletes,
 * depot applies, depot deletes, secret reads; depot reads are the rest.
 */
public enum Mix {
  /** Every kind often, deletes racing references: the fault schedules' and the default soak's. */
  MIXED(40, 10, 18, 8, 14),
  /**
   * Mostly secret applies, with depots, deletes and reads still in: a soak of many applies at a
   * rate the cluster's depot saga could not take at the mixed share (a depot apply costs the
   * cluster about ten secret applies).
   */
  APPLIES(84, 4, 3, 1, 5);

  private final int[] upTo;

  Mix(int secretApply, int secretDelete, int depotApply, int depotDelete, int secretRead) {
    int[] shares = {secretApply, secretDelete, depotApply, depotDelete, secretRead};
    upTo = new int[shares.length];
    int sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      upTo[i] = sum;
    }
    if (sum > 100) {
      throw new IllegalArgumentException("shares over 100 %");
    }
  }

  /** The kind a roll in [0, 100) picks. */
  Kind pick(int roll) {
    Kind[] kinds = Kind.values();
    for (int i = 0; i < upTo.length; i++) {
      if (roll < upTo[i]) {
        return kinds[i];
      }
    }
    return Kind.DEPOT_READ;
  }

  /** The share of requests that are applies, 0 to 1. */
  public double applyShare() {
    return ((upTo[0]) + (upTo[2] - upTo[1])) / 100.0;
  }

  enum Kind {
    SECRET_APPLY,
    SECRET_DELETE,
    DEPOT_APPLY,
    DEPOT_DELETE,
    SECRET_READ,
    DEPOT_READ
  }
}
