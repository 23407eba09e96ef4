package io.datadock.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import io.datadock.schemas.control.StateShare;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlMessageTest {

  @Test
  void anAnswerTravelsAsItsRecordWithItsDigestsByPartition() {
    StateDigest digest = new StateDigest(3, "12".repeat(32));
    ControlMessage answer =
        ControlMessage.answer("r-1", ReplayPhase.STOPPED, "i-1", Map.of(4, digest), null);
    ReplayControl record = answer.toRecord("depot", 1_000L);
    assertThat(record.getService()).isEqualTo("depot");
    assertThat(record.getAt()).isEqualTo(1_000L);
    assertThat(record.getShares()).isEqualTo(Map.of("4", new StateShare(3L, "12".repeat(32))));
    assertThat(ControlMessage.from(record)).isEqualTo(answer);
  }

  @Test
  void aStepCarriesItsBoundaryAndNoInstance() {
    ControlMessage reset =
        ControlMessage.step("r-1", ReplayPhase.RESET, Map.of("depot.commands:0", 5L), null);
    ReplayControl record = reset.toRecord("depot", 0L);
    assertThat(record.getInstance()).isNull();
    assertThat(ControlMessage.from(record)).isEqualTo(reset);
  }
}
