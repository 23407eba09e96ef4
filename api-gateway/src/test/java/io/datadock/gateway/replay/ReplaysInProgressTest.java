package io.datadock.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.replay.ControlMessage;
import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplaysInProgressTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final ReplaysInProgress replays = new ReplaysInProgress(now::get);

  @Test
  void aReplayRunsFromItsRequestUntilTheDigestsAreAskedFor() {
    assertThat(replays.replaying("depot")).isFalse();
    assertThat(replays.serving("depot")).isDone();

    replays.onStep(step("r-1", "depot", ReplayPhase.REQUESTED));
    replays.onStep(step("r-1", "depot", ReplayPhase.RESET));
    CompletableFuture<Void> serving = replays.serving("depot");

    assertThat(replays.replaying("depot")).isTrue();
    assertThat(replays.replaying("secret")).isFalse();
    assertThat(serving).isNotDone();

    now.set(2_000);
    replays.onStep(step("r-1", "depot", ReplayPhase.DIGEST_REQUESTED));

    assertThat(replays.replaying("depot")).isFalse();
    assertThat(serving).isDone();
    assertThat(replays.replayedSince("depot", 1_500)).isTrue();
    assertThat(replays.replayedSince("depot", 2_001)).isFalse();
    assertThat(replays.replayedSince("secret", 0)).isFalse();
  }

  @Test
  void aReplayCalledOffEndsIt() {
    replays.onStep(step("r-2", "secret", ReplayPhase.REQUESTED));
    replays.onStep(step("r-2", "secret", ReplayPhase.FAILED));

    assertThat(replays.replaying("secret")).isFalse();
  }

  @Test
  void answersAndAnotherReplaysStepsDoNotEndIt() {
    replays.onStep(step("r-3", "depot", ReplayPhase.REQUESTED));
    replays.onStep(
        ControlMessage.answer("r-3", ReplayPhase.FAILED, "depot-1", Map.of(), "could not stop")
            .toRecord("depot", 0));
    replays.onStep(step("r-old", "depot", ReplayPhase.DIGEST_REQUESTED));
    replays.onStep(null);

    assertThat(replays.replaying("depot")).isTrue();
  }

  @Test
  void aNewReplayOfTheSameServiceSupersedesOneThatNeverEnded() {
    replays.onStep(step("r-4", "depot", ReplayPhase.REQUESTED));
    CompletableFuture<Void> serving = replays.serving("depot");
    replays.onStep(step("r-5", "depot", ReplayPhase.REQUESTED));

    assertThat(serving).as("now waiting on the new replay").isNotDone();
    replays.onStep(step("r-4", "depot", ReplayPhase.FAILED));
    assertThat(serving).isNotDone();
    replays.onStep(step("r-5", "depot", ReplayPhase.DIGEST_REQUESTED));
    assertThat(serving).isDone();
  }

  private static ReplayControl step(String replayId, String service, ReplayPhase phase) {
    return ControlMessage.step(replayId, phase, Map.of(), null).toRecord(service, 0);
  }
}
