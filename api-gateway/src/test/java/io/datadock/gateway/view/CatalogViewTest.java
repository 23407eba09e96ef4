package io.datadock.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.TrustedSpecificData;
import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.CatalogEventType;
import io.datadock.schemas.catalog.ScanRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A depot's scan runs as the API shows them: the latest record of each run, newest run first. */
class CatalogViewTest {

  private static final String DEPOT = "default/depot:v2alpha:lake";

  private final CatalogView view = new CatalogView();

  @BeforeAll
  static void trustTheGeneratedClasses() {
    // building a CatalogEvent fills its defaults with generated classes, which Avro must trust
    TrustedSpecificData.get();
  }

  @Test
  void aRunRepublishedAsItProgressesIsShownOnceWithItsLatestCounts() {
    view.onEvent(event(CatalogEventType.SCAN_FINISHED, run("old", "finished", 10L)));
    view.onEvent(event(CatalogEventType.SCAN_STARTED, run("new", "started", null)));
    view.onEvent(event(CatalogEventType.SCAN_STARTED, run("new", "started", 1_000L)));
    view.onEvent(event(CatalogEventType.SCAN_STARTED, run("new", "started", 2_000L)));

    assertThat(view.runsOf(DEPOT))
        .extracting(r -> r.getScanId() + " " + r.getStatus() + " " + r.getObjectsListed())
        .containsExactly("new started 2000", "old finished 10");

    view.onEvent(event(CatalogEventType.SCAN_FINISHED, run("new", "partial", 2_500L)));

    assertThat(view.runsOf(DEPOT))
        .extracting(r -> r.getScanId() + " " + r.getStatus() + " " + r.getObjectsListed())
        .containsExactly("new partial 2500", "old finished 10");
  }

  private static ConsumerRecord<String, CatalogEvent> event(CatalogEventType type, ScanRun run) {
    CatalogEvent event =
        CatalogEvent.newBuilder()
            .setEventId(run.getScanId() + run.getObjectsListed())
            .setType(type)
            .setTenant("default")
            .setDepot("lake")
            .setRun(run)
            .setOccurredAt(0)
            .build();
    return new ConsumerRecord<>("datadock.catalog.events", 0, 0, DEPOT, event);
  }

  private static ScanRun run(String scanId, String status, Long objectsListed) {
    return ScanRun.newBuilder()
        .setScanId(scanId)
        .setDepotKey(DEPOT)
        .setTenant("default")
        .setDepot("lake")
        .setTrigger("requested")
        .setStatus(status)
        .setStartedAt(0)
        .setObjectsListed(objectsListed)
        .build();
  }
}
