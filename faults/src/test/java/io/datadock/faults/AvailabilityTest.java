package io.datadock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Outcome;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.schedule.Fault;
import io.datadock.faults.schedule.FaultInjector.Injected;
import io.datadock.faults.schedule.FaultKind;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

  private static final long MS = 1_000_000;

  @Test
  void theWindowIsTheLongestGapThatBeganBeforeTheFaultHealed() {
    Injected kill = injected(FaultKind.KILL_SERVICE, 1_000, 3_000);
    // applies every 100 ms, none from 1,200 to 4,200 ms, then again every 100 ms until 10 s
    List<Operation> history =
        LongStream.concat(
                LongStream.iterate(0, t -> t <= 1_200, t -> t + 100),
                LongStream.iterate(4_200, t -> t <= 10_000, t -> t + 100))
            .mapToObj(AvailabilityTest::applied)
            .toList();

    Availability.Cost cost = Availability.of(List.of(kill), history, 10_000 * MS).get(0);

    assertThat(cost.windowMillis()).isEqualTo(3_000);
    assertThat(cost.recoveryMillis()).isEqualTo(3_200);
    assertThat(cost.withinTarget()).as("within the 6 s session").contains(true);
    assertThat(cost.toString()).endsWith("target   6000 ms: met");
  }

  @Test
  void aLongerGapAfterTheFaultHealedIsNotCountedAgainstIt() {
    Injected rotation = injected(FaultKind.ROTATE_KEYS, 1_000, 1_500);
    List<Operation> history =
        LongStream.of(900, 1_600, 1_700, 6_700, 6_800).mapToObj(AvailabilityTest::applied).toList();

    Availability.Cost cost = Availability.of(List.of(rotation), history, 7_000 * MS).get(0);

    assertThat(cost.windowMillis()).isEqualTo(600);
    assertThat(cost.recoveryMillis()).isEqualTo(600);
    assertThat(cost.withinTarget()).as("an operator action has no target").isEmpty();
  }

  @Test
  void aFaultAfterWhichNothingSucceededIsUnavailableUntilTheEnd() {
    Injected kill = injected(FaultKind.KILL_LEADER_BROKER, 1_000, 2_000);
    List<Operation> history = List.of(applied(500));

    Availability.Cost cost = Availability.of(List.of(kill), history, 9_000 * MS).get(0);

    assertThat(cost.windowMillis()).isEqualTo(8_000);
    assertThat(cost.recoveryMillis()).isEqualTo(8_000);
    assertThat(cost.withinTarget()).as("within the 10 s of a broker fault").contains(true);
  }

  @Test
  void aWindowOverItsTargetSaysSo() {
    Injected pause = injected(FaultKind.PAUSE_SERVICE, 1_000, 12_000);
    List<Operation> history = List.of(applied(900), applied(8_000));

    Availability.Cost cost = Availability.of(List.of(pause), history, 9_000 * MS).get(0);

    assertThat(cost.windowMillis()).isEqualTo(7_000);
    assertThat(cost.withinTarget()).contains(false);
    assertThat(cost.toString()).endsWith("target   6000 ms: OVER");
  }

  private static Injected injected(FaultKind kind, long atMillis, long healedMillis) {
    return new Injected(new Fault(kind, atMillis, 0), "x", atMillis * MS, healedMillis * MS);
  }

  private static Operation applied(long atMillis) {
    return new Operation(
        atMillis, "c1", Type.APPLY, "t/secret/s", atMillis * MS, atMillis * MS, Outcome.UPDATED, 1);
  }
}
