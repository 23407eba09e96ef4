package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    Latencies l = new Latencies(LongStream.rangeClosed(1, 100).map(i -> i * 1_000_000).toArray());

    assertThat(l.percentileMillis(50)).isEqualTo(50.0);
    assertThat(l.percentileMillis(99)).isEqualTo(99.0);
    assertThat(l.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void noSamplesIsZero() {
    assertThat(new Latencies(new long[0]).percentileMillis(99)).isZero();
  }
}
