package io.datadock.catalog.trigger;

import io.datadock.catalog.scan.ScanTarget;
import io.datadock.catalog.work.Work;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.depot.DepotEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What a record asks of the catalog: an activation on {@code depot.events} a scan, a deletion the
 * removal of the depot's datasets, a request on {@code catalog.scan.requests} a rescan. Below a
 * replay's boundary the depots' history is not acted out again (deletes and re-creates would
 * rewrite the catalog): each depot active now is rescanned once, at its first event.
 */
public final class Triggers {

  private final String depotEvents;
  private final Predicate<String> active;
  private final ReplayBoundary boundary = new ReplayBoundary();
  private final Set<String> rescannedInReplay = ConcurrentHashMap.newKeySet();

  /**
   * @param depotEvents the name of {@code depot.events} (with its prefix)
   * @param active whether a depot is active now
   */
  public Triggers(String depotEvents, Predicate<String> active) {
    this.depotEvents = depotEvents;
    this.active = active;
  }

  /** A replay reset the group: records below {@code committed} were processed before. */
  public void rebuildFrom(Map<String, Long> committed) {
    boundary.set(committed);
    rescannedInReplay.clear();
  }

  /** The work the record asks for; none is done at once. */
  public Optional<Work> decide(String topic, int partition, long offset, byte[] value) {
    boolean depotEvent = topic.equals(depotEvents);
    if (boundary.alreadyProcessed(topic, partition, offset)) {
      return depotEvent ? replayed(event(topic, value).getResourceKey()) : Optional.empty();
    }
    if (depotEvent) {
      DepotEvent event = event(topic, value);
      return switch (event.getType()) {
        case DEPOT_ACTIVATED -> Optional.of(new Work.Scan(ScanTarget.of(event), "activated"));
        case DEPOT_DELETED -> Optional.of(new Work.RemoveAll(event.getResourceKey()));
        default -> Optional.empty();
      };
    }
    ScanRequest request =
        Topics.CATALOG_SCAN_REQUESTS.valueSerde().deserializer().deserialize(topic, value);
    return Optional.of(new Work.Rescan(request.getDepotKey(), "requested"));
  }

  private Optional<Work> replayed(String depotKey) {
    if (!active.test(depotKey) || !rescannedInReplay.add(depotKey)) {
      return Optional.empty();
    }
    return Optional.of(new Work.Rescan(depotKey, "replay"));
  }

  private static DepotEvent event(String topic, byte[] value) {
    return Topics.DEPOT_EVENTS.valueSerde().deserializer().deserialize(topic, value);
  }
}
