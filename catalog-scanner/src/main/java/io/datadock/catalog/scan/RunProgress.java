package io.datadock.catalog.scan;

import io.datadock.connectors.scan.ScanProgress;
import io.datadock.schemas.catalog.ScanRun;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running scan's progress, as records of its run (status {@code started}, the objects listed and
 * datasets found so far) handed to {@code sink}: the first report at once, then at most one every
 * {@code every}, each ahead of the last one (a report that is not is dropped). Once {@link #close
 * closed}, when the run's outcome is about to be published, nothing more is: a scan worker still
 * busy past the deadline cannot make a finished run look running again.
 */
public final class RunProgress implements ScanProgress {

  /** How often a run's progress is published at most. */
  public static final Duration EVERY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);

  private final ScanRun started;
  private final Consumer<ScanRun> sink;
  private final LongSupplier nowMillis;
  private final long everyMillis;
  private long objectsListed = -1;
  private int datasetsFound = -1;
  private long lastSent = Long.MIN_VALUE;
  private boolean closed;

  public RunProgress(
      ScanRun started, Consumer<ScanRun> sink, LongSupplier nowMillis, Duration every) {
    this.started = started;
    this.sink = sink;
    this.nowMillis = nowMillis;
    this.everyMillis = every.toMillis();
  }

  @Override
  public synchronized void report(long objects, int datasets) {
    if (closed || objects < objectsListed || datasets < datasetsFound) {
      return;
    }
    if (objects == objectsListed && datasets == datasetsFound) {
      return;
    }
    objectsListed = objects;
    datasetsFound = datasets;
    long now = nowMillis.getAsLong();
    if (lastSent != Long.MIN_VALUE && now - lastSent < everyMillis) {
      return;
    }
    lastSent = now;
    ScanRun update =
        ScanRun.newBuilder(started).setObjectsListed(objects).setDatasetsSeen(datasets).build();
    try {
      sink.accept(update);
    } catch (RuntimeException e) {
      // a progress record lost is not the scan's failure: its outcome is published anyway
      LOG.warn(
          "catalog scan progress not published depot={} scanId={} reason={}",
          started.getDepotKey(),
          started.getScanId(),
          e.getMessage());
    }
  }

  /**
   * Stops publishing; the objects listed by the last report, published or not, or null when the
   * scan listed none (a source that lists no objects).
   */
  public synchronized Long close() {
    closed = true;
    return objectsListed < 0 ? null : objectsListed;
  }
}
