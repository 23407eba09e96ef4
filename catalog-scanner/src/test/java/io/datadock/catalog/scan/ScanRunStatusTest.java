package io.datadock.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScanRunStatusTest {

  @Test
  void aCompleteScanFinishedWhateverItRead() {
    assertThat(ScanRunStatus.outcome(true, 3)).isEqualTo(ScanRunStatus.FINISHED);
    assertThat(ScanRunStatus.outcome(true, 0)).isEqualTo(ScanRunStatus.FINISHED);
  }

  @Test
  void anIncompleteScanIsPartialWhenItReadSomethingAndFailedWhenNothing() {
    assertThat(ScanRunStatus.outcome(false, 2)).isEqualTo(ScanRunStatus.PARTIAL);
    assertThat(ScanRunStatus.outcome(false, 0)).isEqualTo(ScanRunStatus.FAILED);
  }

  @Test
  void theWireNamesAreTheOnesTheTopicAndTheApiCarry() {
    assertThat(Arrays.stream(ScanRunStatus.values()).map(ScanRunStatus::wire))
        .containsExactly("started", "finished", "partial", "failed", "skipped");
  }
}
