package io.datadock.gateway.http.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

  private Instant now = Instant.parse("2026-12-06T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final SessionStore store =
      new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 2);

  @Test
  void aSessionHoldsItsTokenAndARandomCsrfTokenUnderAnUnguessableId() {
    SessionStore.Started a = store.start("dda_key");
    SessionStore.Started b = store.start("dda_key");

    assertThat(a.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(b.id());
    assertThat(store.touch(a.id()).orElseThrow().token()).isEqualTo("dda_key");
    assertThat(a.session().csrfToken()).isNotEqualTo(b.session().csrfToken()).isNotEqualTo(a.id());
    assertThat(a.toString()).doesNotContain("dda_key", a.id());
  }

  @Test
  void anIdleSessionEndsButAUsedOneLastsUntilItsMaximumLifetime() {
    SessionStore.Started used = store.start("k1");
    SessionStore.Started idle = store.start("k2");
    for (int i = 0; i < 24; i++) {
      now = now.plus(Duration.ofMinutes(29));
      assertThat(store.touch(used.id())).as("after %d touches", i).isPresent();
    }
    assertThat(store.touch(idle.id())).isEmpty();
    now = now.plus(Duration.ofMinutes(29));
    assertThat(store.touch(used.id())).as("past 12 hours").isEmpty();
  }

  @Test
  void signingOutEndsTheSessionAndAFullStoreDropsTheLeastRecentlyUsed() {
    SessionStore.Started first = store.start("k1");
    SessionStore.Started second = store.start("k2");
    store.touch(first.id());
    SessionStore.Started third = store.start("k3");

    assertThat(store.touch(second.id())).isEmpty();
    assertThat(store.touch(first.id())).isPresent();
    store.end(third.id());
    assertThat(store.touch(third.id())).isEmpty();
    assertThat(store.touch("made-up")).isEmpty();
  }
}
