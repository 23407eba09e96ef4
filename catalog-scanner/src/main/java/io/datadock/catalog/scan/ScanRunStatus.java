package io.datadock.catalog.scan;

import java.util.Locale;

/**
 * The status of a scan run, as the scan-run topic and the catalog API carry it ({@link #wire()}):
 * {@code started} while it runs, then one outcome.
 */
public enum ScanRunStatus {
  /** Running; the record published when the scan starts. */
  STARTED,
  /** Complete: the catalog now holds what the source has (vanished datasets removed). */
  FINISHED,
  /** Incomplete but some datasets read: they were published, nothing was removed. */
  PARTIAL,
  /** Nothing read: the source refused, the egress policy denied, or the scan broke. */
  FAILED,
  /** The source type has no metadata scan. */
  SKIPPED;

  /** The outcome of a scan that ran: what it read and whether it read everything. */
  public static ScanRunStatus outcome(boolean complete, int datasetsRead) {
    if (complete) {
      return FINISHED;
    }
    return datasetsRead == 0 ? FAILED : PARTIAL;
  }

  /** The lower-case name on the topic and in the API, for example {@code finished}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
