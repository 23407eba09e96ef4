package io.datadock.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.catalog.ScanRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How often a running scan's progress is published, and that it only ever moves forward. */
class RunProgressTest {

  private final List<ScanRun> published = new ArrayList<>();
  private long now = 1_000_000L;
  private final RunProgress progress =
      new RunProgress(started(), published::add, () -> now, Duration.ofSeconds(1));

  @Test
  void theFirstReportIsPublishedAtOnceThenAtMostOneASecond() {
    progress.report(1_000, 0);
    for (int page = 2; page <= 50; page++) {
      now += 100;
      progress.report(page * 1_000L, 0);
    }

    // 50 pages over 4.9 s: the first at once, then one a second
    assertThat(published)
        .extracting(ScanRun::getObjectsListed)
        .containsExactly(1_000L, 11_000L, 21_000L, 31_000L, 41_000L);
    assertThat(published)
        .allSatisfy(
            run -> {
              assertThat(run.getStatus()).isEqualTo("started");
              assertThat(run.getScanId()).isEqualTo("scan-1");
            });
  }

  @Test
  void aReportBehindTheLastOneIsNeverPublished() {
    progress.report(2_000, 3);
    now += 5_000;
    progress.report(1_000, 3);
    progress.report(2_000, 2);
    progress.report(2_000, 3);
    now += 5_000;
    progress.report(2_000, 4);

    assertThat(published)
        .extracting(run -> run.getObjectsListed() + "/" + run.getDatasetsSeen())
        .containsExactly("2000/3", "2000/4");
  }

  @Test
  void closedNothingMoreIsPublishedAndTheLastCountIsKeptEvenUnpublished() {
    progress.report(1_000, 0);
    now += 10;
    progress.report(1_500, 0);

    assertThat(progress.close()).isEqualTo(1_500L);
    now += 5_000;
    progress.report(2_000, 1);

    assertThat(published).extracting(ScanRun::getObjectsListed).containsExactly(1_000L);
  }

  @Test
  void aScanThatListsNoObjectsHasNoObjectCount() {
    assertThat(progress.close()).isNull();
    assertThat(published).isEmpty();
  }

  @Test
  void aSinkThatFailsDoesNotStopTheScan() {
    RunProgress failing =
        new RunProgress(
            started(),
            run -> {
              throw new IllegalStateException("catalog records were not written");
            },
            () -> now,
            Duration.ofSeconds(1));

    failing.report(1_000, 0);

    assertThat(failing.close()).isEqualTo(1_000L);
  }

  private static ScanRun started() {
    return ScanRun.newBuilder()
        .setScanId("scan-1")
        .setDepotKey("sales/depot:v2alpha:lake")
        .setTenant("sales")
        .setDepot("lake")
        .setTrigger("requested")
        .setStatus(ScanRunStatus.STARTED.wire())
        .setStartedAt(0)
        .build();
  }
}
