package io.datadock.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.resource.ResourceState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ResourceViewTest {

  private static final String KEY = "t/secret/a";
  private final ResourceView view = new ResourceView();

  @Test
  void aWaitForAVersionCompletesWhenThatVersionArrives() {
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 5);
    view.onRecord(state(KEY, 3));
    assertThat(wait).isNotDone();

    view.onRecord(state(KEY, 5));

    assertThat(wait).isCompleted();
    assertThat(view.get(KEY)).map(ResourceState::getResourceVersion).contains(5L);
  }

  @Test
  void aWaitForAnAlreadySeenVersionCompletesAtOnce() {
    view.onRecord(state(KEY, 7));
    assertThat(view.awaitVersion(KEY, 6)).isCompleted();
  }

  @Test
  void aTombstoneRemovesTheResourceAndCompletesWaitsForItsVersion() {
    view.onRecord(state(KEY, 3));
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 9);

    view.onRecord(tombstone(KEY, 9));

    assertThat(wait).isCompleted();
    assertThat(view.get(KEY)).isEqualTo(Optional.empty());
  }

  @Test
  void anOlderRecordArrivingLateDoesNotResurrectOrRollBack() {
    view.onRecord(tombstone(KEY, 9));
    view.onRecord(state(KEY, 3));
    assertThat(view.get(KEY)).isEmpty();

    view.onRecord(state(KEY, 12));
    view.onRecord(state(KEY, 10));
    assertThat(view.get(KEY)).map(ResourceState::getResourceVersion).contains(12L);
  }

  @Test
  void listFiltersAndSortsByName() {
    view.onRecord(state("t/secret/b", 1));
    view.onRecord(state("t/secret/a", 2));
    view.onRecord(state("u/secret/c", 3));

    assertThat(view.list(s -> s.getTenant().equals("t")))
        .extracting(ResourceState::getName)
        .containsExactly("a", "b");
  }

  private static ConsumerRecord<String, ResourceState> state(String key, long version) {
    ResourceState value = TestResourceStates.of(key, version, "{}");
    return new ConsumerRecord<>("t", 0, version, key, value);
  }

  private static ConsumerRecord<String, ResourceState> tombstone(String key, long version) {
    return new ConsumerRecord<>(
        "t",
        0,
        version,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        key,
        null,
        ResourceVersionHeader.of(version),
        Optional.empty());
  }
}
