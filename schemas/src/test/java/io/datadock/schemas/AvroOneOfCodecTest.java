package io.datadock.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.schemas.depot.DepotAction;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroOneOfCodecTest {

  private final RecordCodec<SpecificRecord> codec =
      AvroOneOfCodec.of(DepotCommand.class, ReferenceReply.class);

  @Test
  void eachTypeReadsBackAsItselfByItsFingerprint() {
    assertThat(codec.decode(codec.encode(command()))).isEqualTo(command());
    assertThat(codec.decode(codec.encode(reply()))).isEqualTo(reply());
  }

  @Test
  void aRecordWrittenWhenTheTopicHeldOneTypeReadsAndTheBytesAreTheSame() {
    byte[] alone = AvroSingleObjectCodec.of(DepotCommand.class).encode(command());

    assertThat(codec.decode(alone)).isEqualTo(command());
    assertThat(codec.encode(command())).isEqualTo(alone);
  }

  @Test
  void aTypeNotOnTheTopicIsRefusedBothWays() {
    CommandResult result =
        CommandResult.newBuilder()
            .setCommandId("c-1")
            .setResourceKey("t/depot/d")
            .setOutcome(Outcome.CREATED)
            .setStatus("pending")
            .setResourceVersion(1L)
            .setProcessedAt(44L)
            .build();
    byte[] other = AvroSingleObjectCodec.of(CommandResult.class).encode(result);

    assertThatThrownBy(() -> codec.encode(result))
        .isInstanceOf(RecordCodecException.class)
        .hasMessageContaining("CommandResult")
        .hasMessageContaining("[DepotCommand, ReferenceReply]");
    assertThatThrownBy(() -> codec.decode(other))
        .isInstanceOf(RecordCodecException.class)
        .hasMessageContaining("unknown schema fingerprint");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(RecordCodecException.class);
  }

  private static DepotCommand command() {
    return DepotCommand.newBuilder()
        .setCommandId("c-1")
        .setResourceKey("t/depot/d")
        .setAction(DepotAction.DELETE)
        .setIssuedBy("alice")
        .setIssuedAt(42L)
        .build();
  }

  private static ReferenceReply reply() {
    return ReferenceReply.newBuilder()
        .setSecretKey("t/secret/s")
        .setDepotKey("t/depot/d")
        .setType(ReferenceReplyType.GRANTED)
        .setRound(3)
        .setAt(43L)
        .build();
  }
}
