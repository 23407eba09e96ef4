package io.datadock.faults.soak;

import java.util.List;

/**
 * The soak's memory verdict for one process: heap after a full GC in the last minute within a
 * tolerance of the heap in the 2nd minute (the 1st is warm-up: caches and views filling).
 */
public record HeapFlatness(String process, long secondMinute, long lastMinute, double change) {

  public static final double TOLERANCE = 0.10;

  /**
   * @param perMinute heap after GC (bytes), one sample a minute from the first minute on
   * @return null when there are fewer than 3 samples (no 2nd-to-last span to judge)
   */
  public static HeapFlatness of(String process, List<Long> perMinute) {
    if (perMinute.size() < 3) {
      return null;
    }
    long second = perMinute.get(1);
    long last = perMinute.get(perMinute.size() - 1);
    return new HeapFlatness(process, second, last, (double) (last - second) / second);
  }

  public boolean flat() {
    return Math.abs(change) <= TOLERANCE;
  }

  @Override
  public String toString() {
    return "%-9s heap after GC 2nd minute %6.1f MB, last %6.1f MB, %+.1f %% -> %s"
        .formatted(
            process,
            secondMinute / 1e6,
            lastMinute / 1e6,
            change * 100,
            flat() ? "flat" : "NOT FLAT");
  }
}
