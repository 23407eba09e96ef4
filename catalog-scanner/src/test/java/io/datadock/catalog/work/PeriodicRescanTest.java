package io.datadock.catalog.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.catalog.scan.ScanTarget;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicRescanTest {

  static final ScanTarget A = target("t/depot:v2alpha:a");
  static final ScanTarget B = target("t/depot:v2alpha:b");

  final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  final List<Work> done = new CopyOnWriteArrayList<>();
  final CountDownLatch twice = new CountDownLatch(2);
  final DepotWorkQueue queue =
      new DepotWorkQueue(
          Runnable::run,
          work -> {
            done.add(work);
            twice.countDown();
          });

  static ScanTarget target(String key) {
    return new ScanTarget(key, "t", key, "file", "{}", null, null);
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  PeriodicRescan every(Duration interval) {
    return new PeriodicRescan(interval, () -> List.of(A, B), Set.of(A.depotKey())::contains, queue);
  }

  @Test
  void itRescansTheActiveDepotsThisInstanceOwnsOnly() {
    every(Duration.ofMinutes(1)).rescanOwned();
    assertThat(done).containsExactly(new Work.Scan(A, "periodic"));
  }

  @Test
  void itRescansEveryInterval() throws Exception {
    every(Duration.ofMillis(20)).scheduleOn(timer);
    assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(done).allMatch(new Work.Scan(A, "periodic")::equals);
  }

  @Test
  void aZeroIntervalSchedulesNothing() {
    every(Duration.ZERO).scheduleOn(timer);
    assertThat(timer.getQueue()).isEmpty();
    every(Duration.ofHours(1)).scheduleOn(timer);
    assertThat(timer.getQueue()).hasSize(1);
  }
}
