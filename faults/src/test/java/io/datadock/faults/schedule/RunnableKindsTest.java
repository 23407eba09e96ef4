package io.datadock.faults.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnableKindsTest {

  @Test
  void everyFaultRunsWhereMountingIsPermitted() {
    RunnableKinds kinds = RunnableKinds.of(FaultKind.faults(), Optional.empty());

    assertThat(kinds.kinds())
        .containsExactlyElementsOf(FaultKind.faults())
        .contains(FaultKind.FILL_DISK);
    assertThat(kinds.skipped()).isEmpty();
    assertThat(kinds.needsSmallDisks()).isTrue();
  }

  @Test
  void onlyFillDiskIsLeftOutWhereMountingIsRefusedAndTheReasonIsGiven() {
    RunnableKinds kinds =
        RunnableKinds.of(FaultKind.faults(), Optional.of("mount: permission denied"));

    assertThat(kinds.kinds())
        .doesNotContain(FaultKind.FILL_DISK)
        .hasSize(FaultKind.faults().size() - 1);
    assertThat(kinds.skipped())
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("FILL_DISK skipped", "CAP_SYS_ADMIN", "mount: permission denied"));
    assertThat(kinds.needsSmallDisks()).isFalse();
  }

  @Test
  void aRunWithoutFillDiskNeedsNoMountAndSkipsNothing() {
    List<FaultKind> wanted = List.of(FaultKind.KILL_GATEWAY, FaultKind.ROTATE_KEYS);

    RunnableKinds kinds = RunnableKinds.of(wanted, Optional.of("never asked"));

    assertThat(kinds.kinds()).isEqualTo(wanted);
    assertThat(kinds.skipped()).isEmpty();
    assertThat(kinds.needsSmallDisks()).isFalse();
  }
}
