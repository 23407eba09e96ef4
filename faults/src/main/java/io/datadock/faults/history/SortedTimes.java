package io.datadock.faults.history;

/** Binary search over times sorted ascending, duplicates allowed. */
final class SortedTimes {

  private SortedTimes() {}

  /** How many of {@code sorted} are strictly before {@code time}. */
  static int countBefore(long[] sorted, long time) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
