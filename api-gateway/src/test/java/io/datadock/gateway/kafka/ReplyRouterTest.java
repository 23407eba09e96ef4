package io.datadock.gateway.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReplyRouterTest {

  private final ReplyRouter router = new ReplyRouter();

  @Test
  void aReplyCompletesItsRequestAndDuplicatesAreIgnored() {
    CompletableFuture<CommandResult> reply = router.expect("c-1", Duration.ofSeconds(5));

    router.onRecord(record("c-2", Outcome.CREATED));
    assertThat(reply).isNotDone();
    router.onRecord(record("c-1", Outcome.CREATED));
    router.onRecord(record("c-1", Outcome.UPDATED));

    assertThat(reply.join().getOutcome()).isEqualTo(Outcome.CREATED);
    assertThat(router.pendingCount()).isZero();
  }

  @Test
  void noReplyTimesOutAndForgetsTheRequest() {
    CompletableFuture<CommandResult> reply = router.expect("c-3", Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(5)).until(reply::isDone);

    assertThat(reply).isCompletedExceptionally();
    assertThat(reply.handle((r, e) -> ReplyRouter.isTimeout(e)).join()).isTrue();
    assertThat(router.pendingCount()).isZero();
  }

  private static ConsumerRecord<String, CommandResult> record(String id, Outcome outcome) {
    CommandResult result =
        CommandResult.newBuilder()
            .setCommandId(id)
            .setResourceKey("t/secret/a")
            .setOutcome(outcome)
            .setProcessedAt(0)
            .build();
    return new ConsumerRecord<>("results", 0, 0, id, result);
  }
}
