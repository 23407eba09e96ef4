package io.datadock.gateway.view;

import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.ScanRun;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The gateway's materialized view of the catalog: every dataset from the compacted {@code
 * catalog.datasets} (by {@code <tenant>/<udl>} and by depot) and the recent scan runs of each depot
 * from {@code catalog.events}.
 */
public final class CatalogView {

  static final int RUNS_KEPT = 20;

  private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Dataset>> byDepot = new ConcurrentHashMap<>();
  private final Map<String, Deque<ScanRun>> runs = new ConcurrentHashMap<>();

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
    Deque<ScanRun> recent = runs.computeIfAbsent(run.getDepotKey(), d -> new ArrayDeque<>());
    synchronized (recent) {
      // a run is republished as it progresses, then once finished: the latest record stands
      recent.removeIf(r -> r.getScanId().equals(run.getScanId()));
      recent.addFirst(run);
      while (recent.size() > RUNS_KEPT) {
        recent.removeLast();
      }
    }
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
    Deque<ScanRun> recent = runs.get(depotKey);
    if (recent == null) {
      return List.of();
    }
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
