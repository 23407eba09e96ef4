package io.datadock.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.view.TestResourceStates;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code apply} of a depot waits (bounded) for it to settle: what it answers, settled or not. */
class DepotSettledWaitTest {

  private static final String KEY = "acme/depot/orders";

  private final ResourceView view = new ResourceView();
  private final CommandService commands =
      new CommandService(null, null, view, Duration.ofSeconds(10), null, null, null);

  @Test
  void aDepotThatSettlesIsAnsweredAsSettled() {
    view.onRecord(record(depot(1, "pending")));
    CompletableFuture<Optional<ResourceState>> settled =
        commands.settled(created(1), Duration.ofSeconds(30));
    assertThat(settled).isNotDone();

    view.onRecord(record(depot(2, "active")));

    assertThat(settled)
        .isCompletedWithValueMatching(s -> s.orElseThrow().getStatus().equals("active"));
  }

  @Test
  void aDepotStillPendingWhenTheWaitEndsIsAnsweredAsTheViewHoldsItThen() {
    view.onRecord(record(depot(1, "pending")));
    CompletableFuture<Optional<ResourceState>> settled =
        commands.settled(created(1), Duration.ofMillis(100));
    // a newer version, not settled yet, arrives during the wait
    view.onRecord(record(depot(2, "pending")));

    assertThat(settled.join()).map(ResourceState::getResourceVersion).contains(2L);
  }

  private static CommandResult created(long version) {
    return CommandResult.newBuilder()
        .setCommandId("c-1")
        .setResourceKey(KEY)
        .setOutcome(Outcome.CREATED)
        .setStatus("pending")
        .setResourceVersion(version)
        .setProcessedAt(1L)
        .build();
  }

  private static ResourceState depot(long version, String status) {
    ResourceState s = TestResourceStates.of(KEY, version, "{}");
    s.setStatus(status);
    return s;
  }

  private static ConsumerRecord<String, ResourceState> record(ResourceState state) {
    return new ConsumerRecord<>("resource.state", 0, state.getResourceVersion(), KEY, state);
  }
}
