package io.datadock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmThreadsTest {

  @Test
  void aCompilerThreadThatEndedDoesNotMakeTheJitsCpuNegative() {
    JvmThreads.Snapshot start = new JvmThreads.Snapshot(Map.of("101", 5.0, "102", 1.0), Map.of());
    // 101 ended (the JVM removes idle compiler threads), 102 spent 0.5 s, 103 started and spent 0.2
    JvmThreads.Snapshot end = new JvmThreads.Snapshot(Map.of("102", 1.5, "103", 0.2), Map.of());

    assertThat(end.minus(start).jit()).isCloseTo(0.7, offset(1e-9));
  }

  @Test
  void theGarbageCollectorsThreadsAreCountedApart() {
    JvmThreads.Snapshot start = new JvmThreads.Snapshot(Map.of(), Map.of("7", 2.0));
    JvmThreads.Snapshot end = new JvmThreads.Snapshot(Map.of("9", 0.3), Map.of("7", 2.25));

    JvmThreads.Seconds spent = end.minus(start);

    assertThat(spent.jit()).isCloseTo(0.3, offset(1e-9));
    assertThat(spent.gc()).isCloseTo(0.25, offset(1e-9));
  }
}
