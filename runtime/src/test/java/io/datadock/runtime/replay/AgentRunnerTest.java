package io.datadock.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.control.ReplayPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an agent does with each control record ({@code ReplayAgent.on}), on a recording {@link
 * Replayable}: the answers it writes and the calls it makes, in order.
 */
class AgentRunnerTest {

  static final Map<Integer, StateDigest> SHARES = Map.of(0, new StateDigest(1, "0f".repeat(32)));

  final List<String> calls = new ArrayList<>();
  final List<ControlMessage> answers = new ArrayList<>();
  final List<Runnable> timers = new ArrayList<>();
  final MutableClock clock = new MutableClock();
  int notReadableFor;
  RuntimeException pauseFails;

  final Replayable target =
      new Replayable() {
        @Override
        public Map<Integer, StateDigest> pauseAndDigest() {
          calls.add("pauseAndDigest");
          if (pauseFails != null) {
            throw pauseFails;
          }
          if (notReadableFor-- > 0) {
            throw new StateNotReadableYet("rebalancing", null);
          }
          return SHARES;
        }

        @Override
        public void unpause() {
          calls.add("unpause");
        }

        @Override
        public void leave() {
          calls.add("leave");
        }

        @Override
        public void restart(boolean rebuild, Map<String, Long> boundary) {
          calls.add("restart rebuild=" + rebuild + " " + boundary);
        }

        @Override
        public Map<Integer, StateDigest> digest() {
          calls.add("digest");
          return SHARES;
        }
      };

  final AgentRunner runner =
      new AgentRunner(
          "depot",
          target,
          new AgentProtocol("i-1", Duration.ofMinutes(2)),
          answers::add,
          clock,
          (delay, task) -> {
            timers.add(task);
            return () -> timers.remove(task);
          },
          clock::advance);

  static ControlMessage step(ReplayPhase phase, Map<String, Long> boundary, String message) {
    return ControlMessage.step("r-1", phase, boundary, message);
  }

  @Test
  void aReplayRunsThroughStopResetAndDigest() {
    runner.on(step(ReplayPhase.REQUESTED, Map.of(), null));
    assertThat(calls).containsExactly("pauseAndDigest", "leave");
    assertThat(answers)
        .containsExactly(ControlMessage.answer("r-1", ReplayPhase.STOPPED, "i-1", SHARES, null));
    assertThat(timers).hasSize(1);

    runner.on(step(ReplayPhase.RESET, Map.of("depot.commands:0", 4L), null));
    assertThat(calls).endsWith("restart rebuild=true {depot.commands:0=4}");
    assertThat(timers).as("the reset timer is cancelled").isEmpty();

    runner.on(step(ReplayPhase.DIGEST_REQUESTED, Map.of(), null));
    assertThat(answers)
        .endsWith(ControlMessage.answer("r-1", ReplayPhase.DIGEST, "i-1", SHARES, null));
    assertThat(runner.state()).isEqualTo(new AgentProtocol.Idle());
  }

  @Test
  void anInstanceThatCannotStopUnpausesSaysSoAndNeverLeaves() {
    pauseFails = new IllegalStateException("store not readable");
    runner.on(step(ReplayPhase.REQUESTED, Map.of(), null));
    assertThat(calls).containsExactly("pauseAndDigest", "unpause");
    assertThat(answers)
        .containsExactly(
            ControlMessage.answer(
                "r-1", ReplayPhase.FAILED, "i-1", Map.of(), "could not stop: store not readable"));
    assertThat(timers).isEmpty();
  }

  @Test
  void aStateNotReadableYetIsAskedForAgainAfterAPause() {
    notReadableFor = 2;
    runner.on(step(ReplayPhase.REQUESTED, Map.of(), null));
    assertThat(calls)
        .containsExactly("pauseAndDigest", "pauseAndDigest", "pauseAndDigest", "leave");
    assertThat(clock.instant()).isEqualTo(MutableClock.T0.plusMillis(400));
  }

  @Test
  void withoutAResetInTimeItResumesAsItWas() {
    runner.on(step(ReplayPhase.REQUESTED, Map.of(), null));
    timers.get(0).run();
    assertThat(calls).endsWith("restart rebuild=false {}");
    runner.on(step(ReplayPhase.RESET, Map.of(), null));
    assertThat(calls).as("a late reset changes nothing").endsWith("restart rebuild=false {}");
  }

  @Test
  void calledOffItResumesAsItWas() {
    runner.on(step(ReplayPhase.REQUESTED, Map.of(), null));
    runner.on(step(ReplayPhase.FAILED, Map.of(), "instances did not stop in time"));
    assertThat(calls).endsWith("restart rebuild=false {}");
    assertThat(timers).isEmpty();
  }

  /** A clock that moves only when the runner waits. */
  static final class MutableClock extends Clock {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private Instant now = T0;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
