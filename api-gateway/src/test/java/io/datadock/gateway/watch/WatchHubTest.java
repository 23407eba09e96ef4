package io.datadock.gateway.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.view.TestResourceStates;
import io.datadock.schemas.resource.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class WatchHubTest {

  private static final Duration RETENTION = Duration.ofSeconds(90);

  private final ResourceView view = new ResourceView();
  private Instant now = Instant.parse("2026-12-06T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final WatchHub hub = new WatchHub(view, clock, RETENTION);
  private long offset;

  private static final WatchHub.Watcher ALL =
      new WatchHub.Watcher() {
        @Override
        public Predicate<ResourceState> filter() {
          return s -> true;
        }

        @Override
        public void deliver(WatchHub.Event event) {}
      };

  @Test
  void aWatcherResumesFromAPositionWithinTheRetention() {
    change("t/secret/a", 1); // position 1
    now = now.plusSeconds(60);
    change("t/secret/a", 2); // position 2
    change("t/secret/b", 1); // position 3

    List<WatchHub.Event> missed = hub.subscribe(ALL, 1);

    assertThat(missed).extracting(WatchHub.Event::position).containsExactly(2L, 3L);
  }

  @Test
  void changesOlderThanTheRetentionAreDroppedWhenTheNextOneComesAndCannotBeResumedFrom() {
    change("t/secret/a", 1); // position 1
    change("t/secret/a", 2); // position 2
    now = now.plus(RETENTION).plusSeconds(1);
    change("t/secret/a", 3); // position 3: 1 and 2 are older than the retention

    assertThat(hub.subscribe(ALL, 0)).as("positions 1 and 2 are gone").isNull();
    assertThat(hub.subscribe(ALL, 1)).as("position 2 is gone").isNull();
    assertThat(hub.subscribe(ALL, 2)).extracting(WatchHub.Event::position).containsExactly(3L);
  }

  @Test
  void atMostTheRetainedCountIsKeptHoweverRecent() {
    for (int i = 0; i <= WatchHub.RETAINED; i++) {
      change("t/secret/s" + i, 1);
    }

    assertThat(hub.subscribe(ALL, 0)).isNull();
    assertThat(hub.subscribe(ALL, 1)).hasSize(WatchHub.RETAINED);
  }

  private void change(String key, long version) {
    ResourceState state = TestResourceStates.of(key, version, "{}");
    view.onRecord(new ConsumerRecord<>("t", 0, offset++, key, state));
  }
}
