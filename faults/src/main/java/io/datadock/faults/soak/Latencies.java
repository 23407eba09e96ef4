package io.datadock.faults.soak;

import java.util.Arrays;

/** Percentiles of request latencies (nearest rank). */
public final class Latencies {

  private final long[] sorted;

  public Latencies(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  /** The latency at percentile {@code p} (0–100), in milliseconds; 0 without samples. */
  public double percentileMillis(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
  }

  public int count() {
    return sorted.length;
  }
}
