package io.datadock.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.gateway.kafka.ReplyRouter;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.schemas.control.ReplayPhase;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplayAwareDeadlinesTest {

  private static final Duration TIMEOUT = Duration.ofMillis(200);
  private static final Duration RESUME = Duration.ofMillis(1500);
  private static final Duration MAX_HELD = Duration.ofSeconds(3);

  private final ReplaysInProgress replays = new ReplaysInProgress(System::nanoTime);
  private final ReplayAwareDeadlines deadlines =
      new ReplayAwareDeadlines(replays, TIMEOUT, RESUME, MAX_HELD, System::nanoTime);
  private final CompletableFuture<CommandResult> reply = new CompletableFuture<>();

  @Test
  void withNoReplayTheWaitIsTheTimeout() {
    CompletableFuture<CommandResult> bounded = deadlines.forService("depot").bound(reply);

    await().atMost(Duration.ofSeconds(2)).until(bounded::isDone);
    assertThat(timedOut(bounded)).isTrue();
  }

  @Test
  void aReplyHeldUpByAReplayIsWaitedForPastTheTimeout() {
    CompletableFuture<CommandResult> bounded =
        waitingThroughAReplay("r-1", TIMEOUT.multipliedBy(3));

    step("r-1", "depot", ReplayPhase.DIGEST_REQUESTED);
    reply.complete(result());

    assertThat(bounded.join().getCommandId()).isEqualTo("c-1");
  }

  @Test
  void afterTheReplayTheWaitIsTheResumeTime() {
    CompletableFuture<CommandResult> bounded =
        waitingThroughAReplay("r-2", TIMEOUT.multipliedBy(2));

    long ended = System.nanoTime(); // before the step, which starts the resume time
    step("r-2", "depot", ReplayPhase.DIGEST_REQUESTED);

    // the resume time (1.5 s) after the replay, well before the most it could be held (2.8 s on)
    await().atMost(Duration.ofMillis(2700)).until(bounded::isDone);
    assertThat(timedOut(bounded)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(RESUME);
  }

  @Test
  void aServiceSlowerToResumeThanTheTimeoutIsStillAnswered() {
    CompletableFuture<CommandResult> bounded =
        waitingThroughAReplay("r-5", TIMEOUT.multipliedBy(2));

    step("r-5", "depot", ReplayPhase.FAILED);
    await("longer than the timeout after the replay")
        .during(TIMEOUT.multipliedBy(2))
        .atMost(TIMEOUT.multipliedBy(2).plusSeconds(1))
        .until(() -> !bounded.isDone());
    reply.complete(result());

    assertThat(bounded.join().getCommandId()).isEqualTo("c-1");
  }

  @Test
  void anotherServicesReplayDoesNotHoldTheCommand() {
    step("r-3", "secret", ReplayPhase.REQUESTED);
    CompletableFuture<CommandResult> bounded = deadlines.forService("depot").bound(reply);

    await().atMost(Duration.ofSeconds(2)).until(bounded::isDone);
    assertThat(timedOut(bounded)).isTrue();
  }

  @Test
  void aReplayThatNeverEndsHoldsTheCommandNoLongerThanTheMaximum() {
    step("r-4", "depot", ReplayPhase.REQUESTED);
    long started = System.nanoTime();
    CompletableFuture<CommandResult> bounded = deadlines.forService("depot").bound(reply);

    await().atMost(MAX_HELD.multipliedBy(2)).until(bounded::isDone);
    assertThat(timedOut(bounded)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(TIMEOUT.plus(MAX_HELD));
  }

  /** A depot command sent during a replay, still waiting {@code past} later. */
  private CompletableFuture<CommandResult> waitingThroughAReplay(String replayId, Duration past) {
    step(replayId, "depot", ReplayPhase.REQUESTED);
    CompletableFuture<CommandResult> bounded = deadlines.forService("depot").bound(reply);
    await().during(past).atMost(past.plusSeconds(2)).until(() -> !bounded.isDone());
    return bounded;
  }

  private void step(String replayId, String service, ReplayPhase phase) {
    replays.onStep(ControlMessage.step(replayId, phase, Map.of(), null).toRecord(service, 0));
  }

  private static boolean timedOut(CompletableFuture<CommandResult> bounded) {
    return bounded.handle((r, e) -> e != null && ReplyRouter.isTimeout(e)).join();
  }

  private static CommandResult result() {
    return CommandResult.newBuilder()
        .setCommandId("c-1")
        .setResourceKey("t/depot/a")
        .setOutcome(Outcome.CREATED)
        .setProcessedAt(0)
        .build();
  }
}
