package io.datadock.bench;

import java.util.Arrays;

/** Collects request latencies (nanoseconds) and reports percentiles. Thread-confined. */
final class LatencyRecorder {

  private long[] values = new long[1 << 16];
  private int size;
  private int failures;

  void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  void failure() {
    failures++;
  }

  int count() {
    return size;
  }

  int failures() {
    return failures;
  }

  long countOver(double millis) {
    long limit = (long) (millis * 1_000_000);
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] > limit) {
        n++;
      }
    }
    return n;
  }

  double maxMillis() {
    return percentileMillis(100);
  }

  /** The p-th percentile in milliseconds (nearest rank). */
  double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
  }
}
