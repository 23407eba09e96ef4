package io.datadock.catalog.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.catalog.trigger.PauseSwitch.Change;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PauseSwitchTest {

  final PauseSwitch pause = new PauseSwitch();

  @Test
  void aPauseIsAnsweredOnTheLoopsNextTurnWithWhatItHeld() {
    assertThat(pause.next(() -> Set.of(0))).isEqualTo(Change.NONE);
    CompletableFuture<Set<Integer>> paused = pause.pause();
    assertThat(paused).isNotDone();
    assertThat(pause.next(() -> Set.of(0, 2))).isEqualTo(Change.PAUSE);
    assertThat(paused).isCompletedWithValue(Set.of(0, 2));
    assertThat(pause.paused()).isTrue();
    assertThat(pause.next(() -> Set.of(0, 2))).isEqualTo(Change.NONE);
  }

  @Test
  void aResumeIsDoneOnTheTurnAfter() {
    pause.pause();
    pause.next(Set::of);
    pause.resume();
    assertThat(pause.paused()).isTrue();
    assertThat(pause.next(Set::of)).isEqualTo(Change.RESUME);
    assertThat(pause.paused()).isFalse();
    assertThat(pause.next(Set::of)).isEqualTo(Change.NONE);
  }

  @Test
  void aNewPauseAfterAResumeWaitsForTheLoopAgain() {
    pause.pause();
    pause.next(() -> Set.of(1));
    pause.resume();
    CompletableFuture<Set<Integer>> again = pause.pause();
    assertThat(again).as("not the earlier, stale answer").isNotDone();
    // paused all along (the loop never got to resume): answered on the next turn all the same
    assertThat(pause.next(() -> Set.of(3))).isEqualTo(Change.NONE);
    assertThat(again).isCompletedWithValue(Set.of(3));
  }

  @Test
  void aPauseCancelledBeforeTheLoopTurnedChangesNothing() {
    CompletableFuture<Set<Integer>> paused = pause.pause();
    pause.resume();
    assertThat(pause.next(Set::of)).isEqualTo(Change.NONE);
    assertThat(paused).isNotDone();
  }
}
