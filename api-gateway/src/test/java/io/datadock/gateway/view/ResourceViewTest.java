package io.datadock.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.resource.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ResourceViewTest {

  private static final String KEY = "t/secret/a";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ResourceView view = new ResourceView();

  @Test
  void aWaitForAVersionCompletesWhenThatVersionArrives() {
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 5, WAIT);
    view.onRecord(state(KEY, 3));
    assertThat(wait).isNotDone();

    view.onRecord(state(KEY, 5));

    assertThat(wait).isCompleted();
    assertThat(view.get(KEY)).map(ResourceState::getResourceVersion).contains(5L);
  }

  @Test
  void aWaitForAnAlreadySeenVersionCompletesAtOnce() {
    view.onRecord(state(KEY, 7));
    assertThat(view.awaitVersion(KEY, 6, WAIT)).isCompleted();
  }

  @Test
  void aTombstoneRemovesTheResourceAndCompletesWaitsForItsVersion() {
    view.onRecord(state(KEY, 3));
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 9, WAIT);

    view.onRecord(tombstone(KEY, 9));

    assertThat(wait).isCompleted();
    assertThat(view.get(KEY)).isEqualTo(Optional.empty());
  }

  @Test
  void aWaitThatTimesOutFailsSoAndIsForgottenWithoutAnotherRecord() {
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 5, Duration.ofMillis(50));
    CompletableFuture<ResourceState> settled =
        view.awaitState("t/depot/d", 1, s -> false, Duration.ofMillis(50));
    assertThat(view.pendingWaits()).isEqualTo(2);

    assertThat(wait)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
    assertThat(settled)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
    assertThat(view.pendingWaits()).isZero();
  }

  @Test
  void aWaitThatCompletesIsForgottenToo() {
    CompletableFuture<Void> wait = view.awaitVersion(KEY, 5, WAIT);
    view.onRecord(state(KEY, 5));

    assertThat(wait).isCompleted();
    assertThat(view.pendingWaits()).isZero();
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
  void aDeletedResourcesVersionIsForgottenAfterTheRetentionAndALiveOnesNever() {
    AtomicLong now = new AtomicLong(1_000_000);
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now.get());
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    ResourceView timed = new ResourceView(clock);
    timed.onRecord(state("t/secret/live", 1));
    for (int i = 0; i < 1_000; i++) {
      timed.onRecord(state("t/secret/gone-" + i, 1));
      timed.onRecord(tombstone("t/secret/gone-" + i, 2));
    }
    assertThat(timed.versionsKept()).isEqualTo(1_001);
    timed.onRecord(state("t/secret/gone-0", 3)); // re-created: live again

    // within the retention a late, older record still cannot resurrect a deletion
    timed.onRecord(state("t/secret/gone-1", 1));
    assertThat(timed.get("t/secret/gone-1")).isEmpty();

    now.addAndGet(ResourceView.TOMBSTONE_RETENTION.toMillis() + 1);
    timed.onRecord(tombstone("t/secret/other", 5));

    assertThat(timed.versionsKept())
        .as("the live, the re-created and the one just deleted")
        .isEqualTo(3);
    assertThat(timed.get("t/secret/live")).isPresent();
    assertThat(timed.get("t/secret/gone-0")).map(ResourceState::getResourceVersion).contains(3L);
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
