package io.datadock.gateway.view;

import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.ScanRun;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The gateway's materialized view of the catalog: every dataset from the compacted {@code
 * catalog.datasets} (by {@code <tenant>/<udl>} and by depot) and the recent scan runs of each depot
 * from {@code catalog.events}.
 *
 * <p>The scanner removes a deleted depot's datasets, but {@code catalog.events} says nothing of the
 * deletion: the runs of depots that no longer exist are swept instead, each time the number of
 * depots with runs has doubled since the last sweep, so a platform that creates and deletes depots
 * all day holds the runs of its live depots only.
 */
public final class CatalogView {

  static final int RUNS_KEPT = 20;

  /** The fewest depots with runs worth a sweep. */
  static final int SWEEP_FROM = 256;

  /**
   * How long the runs of a depot the resource view does not hold are kept after their last record:
   * a new depot's first run may come before its state does, a deleted one's last after.
   */
  static final Duration ORPHAN_GRACE = Duration.ofMinutes(5);

  private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Dataset>> byDepot = new ConcurrentHashMap<>();
  private final Map<String, RecentRuns> runs = new ConcurrentHashMap<>();
  private final Predicate<String> depotExists;
  private final LongSupplier nanoTime;
  private int sweepAt = SWEEP_FROM;

  /** A view that keeps every depot's runs (tests, and routes without a resource view). */
  public CatalogView() {
    this(depotKey -> true, System::nanoTime);
  }

  /**
   * @param depotExists whether a depot (by resource key) exists now
   * @param nanoTime the clock {@link #ORPHAN_GRACE} is measured on
   */
  public CatalogView(Predicate<String> depotExists, LongSupplier nanoTime) {
    this.depotExists = depotExists;
    this.nanoTime = nanoTime;
  }

  /** A depot's recent runs, newest first, and when the view last heard of them. */
  private static final class RecentRuns {
    final Deque<ScanRun> newestFirst = new ArrayDeque<>();
    long touchedNanos;
  }

  public void onDataset(ConsumerRecord<String, Dataset> record) {
    Dataset dataset = record.value();
    if (dataset == null) {
      Dataset gone = datasets.remove(record.key());
      if (gone != null) {
        byDepot.computeIfPresent(
            gone.getDepotKey(),
            (d, m) -> {
              m.remove(record.key());
              return m.isEmpty() ? null : m;
            });
      }
      return;
    }
    datasets.put(record.key(), dataset);
    byDepot
        .computeIfAbsent(dataset.getDepotKey(), d -> new ConcurrentHashMap<>())
        .put(record.key(), dataset);
  }

  public void onEvent(ConsumerRecord<String, CatalogEvent> record) {
    CatalogEvent event = record.value();
    if (event == null || event.getRun() == null) {
      return;
    }
    ScanRun run = event.getRun();
    RecentRuns recent = runs.computeIfAbsent(run.getDepotKey(), d -> new RecentRuns());
    synchronized (recent) {
      recent.touchedNanos = nanoTime.getAsLong();
      // a run is republished as it progresses, then once finished: the latest record stands
      recent.newestFirst.removeIf(r -> r.getScanId().equals(run.getScanId()));
      recent.newestFirst.addFirst(run);
      while (recent.newestFirst.size() > RUNS_KEPT) {
        recent.newestFirst.removeLast();
      }
    }
    maybeSweep();
  }

  /** Depots holding runs: those that exist, and for {@link #ORPHAN_GRACE} those that do not. */
  int depotsWithRuns() {
    return runs.size();
  }

  private synchronized void maybeSweep() {
    if (runs.size() < sweepAt) {
      return;
    }
    long orphanedBefore = nanoTime.getAsLong() - ORPHAN_GRACE.toNanos();
    runs.entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().touchedNanos - orphanedBefore < 0
                    && !depotExists.test(e.getKey());
              }
            });
    sweepAt = Math.max(SWEEP_FROM, 2 * runs.size());
  }

  /**
   * @param key {@code <tenant>/<udl>}
   */
  public Optional<Dataset> dataset(String key) {
    return Optional.ofNullable(datasets.get(key));
  }

  /** A depot's datasets, ordered by collection and name. */
  public List<Dataset> datasetsOf(String depotKey) {
    List<Dataset> out = new ArrayList<>(byDepot.getOrDefault(depotKey, Map.of()).values());
    out.sort(Comparator.comparing(Dataset::getCollection).thenComparing(Dataset::getName));
    return out;
  }

  /** A depot's recent scan runs, newest first. */
  public List<ScanRun> runsOf(String depotKey) {
    RecentRuns recent = runs.get(depotKey);
    if (recent == null) {
      return List.of();
    }
    synchronized (recent) {
      return List.copyOf(recent.newestFirst);
    }
  }
}
