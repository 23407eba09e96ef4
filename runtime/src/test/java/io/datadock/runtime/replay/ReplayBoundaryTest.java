package io.datadock.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

class ReplayBoundaryTest {

  private static final StateDigest ONE = StateDigest.builder().add("a", new byte[] {1}).build();
  private static final StateDigest TWO =
      ONE.plus(StateDigest.builder().add("b", new byte[0]).build());

  private final ReplayBoundary boundary = new ReplayBoundary();
  private final AtomicInteger reads = new AtomicInteger();

  private static Optional<RecordMetadata> at(String topic, int partition, long offset) {
    return Optional.of(
        new RecordMetadata() {
          @Override
          public String topic() {
            return topic;
          }

          @Override
          public int partition() {
            return partition;
          }

          @Override
          public long offset() {
            return offset;
          }
        });
  }

  private Supplier<StateDigest> state(StateDigest digest) {
    return () -> {
      reads.incrementAndGet();
      return digest;
    };
  }

  @Test
  void theStateIsReadOnceAtTheFirstRecordPastTheBoundaryOfEachPartition() {
    boundary.set(
        Map.of(ReplayBoundary.key("commands", 0), 2L, ReplayBoundary.key("commands", 1), 5L));

    boundary.beforeProcessing(at("commands", 0, 0), state(ONE));
    boundary.beforeProcessing(at("commands", 0, 1), state(ONE));
    assertThat(reads).hasValue(0);
    boundary.beforeProcessing(at("commands", 0, 2), state(ONE));
    boundary.beforeProcessing(at("commands", 0, 3), state(TWO));
    boundary.beforeProcessing(at("commands", 1, 4), state(TWO));

    assertThat(boundary.statesAtBoundary()).isEqualTo(Map.of(0, ONE));
    assertThat(reads).hasValue(1);
  }

  @Test
  void aPartitionWithNothingProcessedBeforeTheResetIsPastItAtItsFirstRecord() {
    boundary.set(Map.of(ReplayBoundary.key("commands", 0), 2L));

    boundary.beforeProcessing(at("commands", 3, 0), state(StateDigest.EMPTY));

    assertThat(boundary.statesAtBoundary()).isEqualTo(Map.of(3, StateDigest.EMPTY));
  }

  @Test
  void nothingIsKeptOutsideARebuildAndANewRebuildForgetsTheLastOne() {
    boundary.beforeProcessing(at("commands", 0, 7), state(ONE));
    assertThat(boundary.statesAtBoundary()).isEmpty();

    boundary.set(Map.of(ReplayBoundary.key("commands", 0), 1L));
    boundary.beforeProcessing(at("commands", 0, 1), state(ONE));
    boundary.set(Map.of(ReplayBoundary.key("commands", 0), 9L));

    assertThat(boundary.statesAtBoundary()).isEmpty();
    assertThat(reads).hasValue(1);
  }
}
