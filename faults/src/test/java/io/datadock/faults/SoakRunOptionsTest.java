package io.datadock.faults;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datadock.faults.schedule.FaultKind;
import io.datadock.faults.workload.Mix;
import io.datadock.local.cluster.ChildJit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakRunOptionsTest {

  private static SoakRun.Options options(List<FaultKind> events, int brokers) {
    return options(events, brokers, 60_000, Duration.ZERO);
  }

  private static SoakRun.Options options(
      List<FaultKind> events, int brokers, long applies, Duration duration) {
    return new SoakRun.Options(
        Path.of("/tmp/unused"),
        1,
        100,
        applies,
        duration,
        16,
        200,
        100,
        4,
        Duration.ofSeconds(30),
        events,
        ChildJit.FULL,
        Mix.MIXED,
        Duration.ofMinutes(5),
        brokers);
  }

  @Test
  void aBrokerEventOnOneBrokerIsRefusedNamingTheOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> options(List.of(FaultKind.KILL_SERVICE, FaultKind.KILL_LEADER_BROKER), 1));
    assertTrue(
        e.getMessage().startsWith("--events [KILL_LEADER_BROKER] need 3 brokers"), e::getMessage);
  }

  @Test
  void serviceAndGatewayEventsRunOnOneBroker() {
    assertDoesNotThrow(
        () ->
            options(
                List.of(FaultKind.KILL_SERVICE, FaultKind.KILL_GATEWAY, FaultKind.PAUSE_SERVICE),
                1));
    assertDoesNotThrow(() -> options(List.of(FaultKind.FILL_DISK), 3));
  }

  @Test
  void minutesAreCountedAfterTheWarmUp() {
    assertEquals(
        Duration.ofMinutes(5 + 3), options(List.of(), 3, 0, Duration.ofMinutes(3)).expected());
  }

  @Test
  void aRunOfAppliesLastsTheirTimeAtTheRateWarmUpIncluded() {
    // 60,000 applies at 100 requests/s of which a share are applies
    Duration expected = options(List.of(), 3).expected();
    assertEquals(Math.round(60_000 / (100 * Mix.MIXED.applyShare())), expected.toSeconds(), 1);
  }
}
