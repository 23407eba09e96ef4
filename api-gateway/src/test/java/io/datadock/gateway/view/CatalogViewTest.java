package io.datadock.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.TrustedSpecificData;
import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.CatalogEventType;
import io.datadock.schemas.catalog.ScanRun;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

  @Test
  void theRunsOfDepotsThatAreGoneAreSweptOnceTheirGraceHasPassed() {
    AtomicLong nanos = new AtomicLong();
    Set<String> live = Set.of(DEPOT);
    CatalogView sweeping = new CatalogView(live::contains, nanos::get);
    sweeping.onEvent(event(CatalogEventType.SCAN_FINISHED, run("kept", "finished", 1L)));
    for (int i = 1; i < CatalogView.SWEEP_FROM - 1; i++) {
      String gone = "default/depot:v2alpha:gone-" + i;
      sweeping.onEvent(event(CatalogEventType.SCAN_FINISHED, run(gone, "s" + i, "finished", 1L)));
    }
    assertThat(sweeping.depotsWithRuns()).isEqualTo(CatalogView.SWEEP_FROM - 1);

    nanos.addAndGet(CatalogView.ORPHAN_GRACE.toNanos() + 1);
    // a depot whose state the view has not read yet: its first run is not swept with the others
    String fresh = "default/depot:v2alpha:fresh";
    sweeping.onEvent(event(CatalogEventType.SCAN_STARTED, run(fresh, "f", "started", null)));

    assertThat(sweeping.depotsWithRuns()).isEqualTo(2);
    assertThat(sweeping.runsOf(DEPOT)).extracting(ScanRun::getScanId).containsExactly("kept");
    assertThat(sweeping.runsOf(fresh)).extracting(ScanRun::getScanId).containsExactly("f");
    assertThat(sweeping.runsOf("default/depot:v2alpha:gone-1")).isEmpty();
  }

  @Test
  void noRunIsSweptWithinTheGrace() {
    CatalogView sweeping = new CatalogView(key -> false, () -> 0L);
    for (int i = 0; i < CatalogView.SWEEP_FROM * 2; i++) {
      String depot = "default/depot:v2alpha:new-" + i;
      sweeping.onEvent(event(CatalogEventType.SCAN_STARTED, run(depot, "s" + i, "started", null)));
    }

    assertThat(sweeping.depotsWithRuns()).isEqualTo(CatalogView.SWEEP_FROM * 2);
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
    return new ConsumerRecord<>("datadock.catalog.events", 0, 0, run.getDepotKey(), event);
  }

  private static ScanRun run(String scanId, String status, Long objectsListed) {
    return run(DEPOT, scanId, status, objectsListed);
  }

  private static ScanRun run(String depotKey, String scanId, String status, Long objectsListed) {
    return ScanRun.newBuilder()
        .setScanId(scanId)
        .setDepotKey(depotKey)
        .setTenant("default")
        .setDepot("lake")
        .setTrigger("requested")
        .setStatus(status)
        .setStartedAt(0)
        .setObjectsListed(objectsListed)
        .build();
  }
}
