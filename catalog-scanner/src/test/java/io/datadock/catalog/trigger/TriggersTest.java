package io.datadock.catalog.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.catalog.scan.ScanTarget;
import io.datadock.catalog.work.Work;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each record on {@code depot.events} and {@code catalog.scan.requests} asks of the catalog.
 */
class TriggersTest {

  static final String EVENTS = Topics.DEPOT_EVENTS.name(Topics.DEFAULT_PREFIX);
  static final String REQUESTS = Topics.CATALOG_SCAN_REQUESTS.name(Topics.DEFAULT_PREFIX);
  static final String A = "default/depot:v2alpha:a";
  static final String B = "default/depot:v2alpha:b";

  final Triggers triggers = new Triggers(EVENTS, Set.of(A)::contains);

  static DepotEvent event(DepotEventType type, String key) {
    return DepotEvent.newBuilder()
        .setEventId("e-" + key)
        .setType(type)
        .setResourceKey(key)
        .setTenant("default")
        .setName(key.substring(key.lastIndexOf(':') + 1))
        .setSourceType("file")
        .setDeclaredType("file")
        .setManifestVersion("v2alpha")
        .setGeneration(1)
        .setResourceVersion(1)
        .setConnection("{}")
        .setSecrets(List.of())
        .setStatus("active")
        .setActor("test")
        .setOccurredAt(0)
        .build();
  }

  Optional<Work> onEvent(long offset, DepotEventType type, String key) {
    byte[] value =
        Topics.DEPOT_EVENTS.valueSerde().serializer().serialize(EVENTS, event(type, key));
    return triggers.decide(EVENTS, 0, offset, value);
  }

  Optional<Work> onRequest(long offset, String key) {
    ScanRequest request = new ScanRequest("s-1", key, "admin", 0L);
    byte[] value =
        Topics.CATALOG_SCAN_REQUESTS.valueSerde().serializer().serialize(REQUESTS, request);
    return triggers.decide(REQUESTS, 0, offset, value);
  }

  @Test
  void anActivationScansTheDepotItDescribes() {
    assertThat(onEvent(0, DepotEventType.DEPOT_ACTIVATED, B))
        .hasValue(
            new Work.Scan(ScanTarget.of(event(DepotEventType.DEPOT_ACTIVATED, B)), "activated"));
  }

  @Test
  void aDeletionRemovesTheDepotsDatasets() {
    assertThat(onEvent(0, DepotEventType.DEPOT_DELETED, A)).hasValue(new Work.RemoveAll(A));
  }

  @Test
  void otherDepotEventsAskForNothing() {
    assertThat(onEvent(0, DepotEventType.DEPOT_APPLIED, A)).isEmpty();
    assertThat(onEvent(1, DepotEventType.DEPOT_FAILED, A)).isEmpty();
  }

  @Test
  void aScanRequestRescansTheDepot() {
    assertThat(onRequest(0, B)).hasValue(new Work.Rescan(B, "requested"));
  }

  @Test
  void belowAReplaysBoundaryEachActiveDepotIsRescannedOnceAndNothingElseIsDone() {
    triggers.rebuildFrom(Map.of(EVENTS + ":0", 10L, REQUESTS + ":0", 5L));
    assertThat(onEvent(0, DepotEventType.DEPOT_ACTIVATED, A))
        .hasValue(new Work.Rescan(A, "replay"));
    assertThat(onEvent(1, DepotEventType.DEPOT_DELETED, A)).as("once per depot").isEmpty();
    assertThat(onEvent(2, DepotEventType.DEPOT_ACTIVATED, B)).as("not active now").isEmpty();
    assertThat(onRequest(4, A)).as("a request already served").isEmpty();
    // at and above the boundary: as usual
    assertThat(onEvent(10, DepotEventType.DEPOT_DELETED, A)).hasValue(new Work.RemoveAll(A));
    assertThat(onRequest(5, A)).hasValue(new Work.Rescan(A, "requested"));

    triggers.rebuildFrom(Map.of(EVENTS + ":0", 10L));
    assertThat(onEvent(3, DepotEventType.DEPOT_APPLIED, A))
        .as("a new replay rescans again")
        .hasValue(new Work.Rescan(A, "replay"));
  }
}
