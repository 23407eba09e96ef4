package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapFlatnessTest {

  @Test
  void theFirstMinuteIsWarmUpAndTheLastIsComparedWithTheSecond() {
    HeapFlatness f = HeapFlatness.of("depot-1", List.of(20L, 100L, 300L, 109L));

    assertThat(f.secondMinute()).isEqualTo(100);
    assertThat(f.lastMinute()).isEqualTo(109);
    assertThat(f.flat()).isTrue();
  }

  @Test
  void growthOverTenPercentIsNotFlat() {
    assertThat(HeapFlatness.of("gateway-1", List.of(50L, 100L, 111L)).flat()).isFalse();
  }

  @Test
  void aShrinkOverTenPercentIsNotFlatEither() {
    assertThat(HeapFlatness.of("gateway-1", List.of(50L, 100L, 89L)).flat()).isFalse();
  }

  @Test
  void fewerThanThreeMinutesCannotBeJudged() {
    assertThat(HeapFlatness.of("secret-1", List.of(50L, 100L))).isNull();
  }
}
