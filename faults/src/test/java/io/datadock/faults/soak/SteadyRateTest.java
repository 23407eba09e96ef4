package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SteadyRateTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  @Test
  void permitsTakenAtOnceAreSpacedByTheInterval() {
    SteadyRate rate = new SteadyRate(100, 0, clock::get); // 10 ms apart

    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(10_000_000L);
    assertThat(rate.reserve()).isEqualTo(20_000_000L);
  }

  @Test
  void aCallerOnTimeWaitsOnlyForTheRestOfItsSlot() {
    SteadyRate rate = new SteadyRate(100, 0, clock::get);
    rate.reserve();
    clock.addAndGet(4_000_000L);

    assertThat(rate.reserve()).isEqualTo(6_000_000L);
  }

  @Test
  void aStalledRunCatchesUpAtMostTheBurstAndNeverExceedsTheRateAfter() {
    SteadyRate rate = new SteadyRate(100, 3, clock::get);
    rate.reserve();
    clock.addAndGet(1_000_000_000L); // a second without requests: 100 slots missed

    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(10_000_000L);
  }

  @Test
  void overALongRunThePermitsMatchTheRate() {
    SteadyRate rate = new SteadyRate(250, 10, clock::get);
    long start = clock.get();
    int permits = 0;
    while (clock.get() - start < 60_000_000_000L) {
      clock.addAndGet(rate.reserve());
      permits++;
    }

    assertThat(permits).isBetween(15_000, 15_001);
  }

  @Test
  void aRateMustBePositive() {
    assertThatThrownBy(() -> new SteadyRate(0, 1, clock::get))
        .hasMessageContaining("rate must be positive");
  }
}
