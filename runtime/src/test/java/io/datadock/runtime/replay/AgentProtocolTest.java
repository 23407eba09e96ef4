package io.datadock.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.replay.AgentProtocol.Answer;
import io.datadock.runtime.replay.AgentProtocol.Control;
import io.datadock.runtime.replay.AgentProtocol.ExpectResetWithin;
import io.datadock.runtime.replay.AgentProtocol.Idle;
import io.datadock.runtime.replay.AgentProtocol.Leave;
import io.datadock.runtime.replay.AgentProtocol.PauseAndDigest;
import io.datadock.runtime.replay.AgentProtocol.ReadDigest;
import io.datadock.runtime.replay.AgentProtocol.Restart;
import io.datadock.runtime.replay.AgentProtocol.Step;
import io.datadock.runtime.replay.AgentProtocol.StopExpectingReset;
import io.datadock.runtime.replay.AgentProtocol.Stopped;
import io.datadock.runtime.replay.AgentProtocol.Stopping;
import io.datadock.runtime.replay.AgentProtocol.Unpause;
import io.datadock.schemas.control.ReplayPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One instance's decisions in a replay, without a broker, a clock or a thread. */
class AgentProtocolTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration RESET_TIMEOUT = Duration.ofMinutes(2);
  static final String ID = "r-1";
  static final Map<Integer, StateDigest> SHARES = Map.of(3, new StateDigest(2, "ab".repeat(32)));
  static final Map<String, Long> BOUNDARY = Map.of("depot.commands:3", 9L);

  final AgentProtocol protocol = new AgentProtocol("i-1", RESET_TIMEOUT);

  static Control control(ReplayPhase phase) {
    return new Control(ControlMessage.step(ID, phase, Map.of(), null));
  }

  static Answer answer(ReplayPhase phase, Map<Integer, StateDigest> shares, String message) {
    return new Answer(ControlMessage.answer(ID, phase, "i-1", shares, message));
  }

  Step stopped() {
    Step step = protocol.on(AgentProtocol.initial(), control(ReplayPhase.REQUESTED), T0);
    step = protocol.on(step.state(), new AgentProtocol.Paused(ID, SHARES), T0);
    return protocol.on(step.state(), new AgentProtocol.Left(ID), T0);
  }

  @Test
  void onRequestedItPausesAnswersStoppedWithItsDigestThenLeaves() {
    Step step = protocol.on(AgentProtocol.initial(), control(ReplayPhase.REQUESTED), T0);
    assertThat(step.state()).isEqualTo(new Stopping(ID));
    assertThat(step.actions()).containsExactly(new PauseAndDigest(ID, T0, Duration.ZERO));

    // the answer goes out before it leaves: once the group is empty, every answer is written
    step = protocol.on(step.state(), new AgentProtocol.Paused(ID, SHARES), T0);
    assertThat(step.actions())
        .containsExactly(answer(ReplayPhase.STOPPED, SHARES, null), new Leave(ID));

    step = protocol.on(step.state(), new AgentProtocol.Left(ID), T0);
    assertThat(step.state()).isEqualTo(new Stopped(ID));
    assertThat(step.actions()).containsExactly(new ExpectResetWithin(ID, RESET_TIMEOUT));
  }

  @Test
  void onResetItRebuildsUpToTheBoundary() {
    ControlMessage reset = ControlMessage.step(ID, ReplayPhase.RESET, BOUNDARY, null);
    Step step = protocol.on(stopped().state(), new Control(reset), T0);
    assertThat(step.state()).isEqualTo(new Idle());
    assertThat(step.actions())
        .containsExactly(
            new StopExpectingReset(),
            new Restart(true, BOUNDARY, "rebuilding from the input topics"));
  }

  @Test
  void aResetOfAnotherReplayOrOfNoStoppedInstanceIsIgnored() {
    ControlMessage other = ControlMessage.step("r-2", ReplayPhase.RESET, BOUNDARY, null);
    assertThat(protocol.on(stopped().state(), new Control(other), T0).actions()).isEmpty();
    assertThat(protocol.on(new Idle(), control(ReplayPhase.RESET), T0).actions()).isEmpty();
  }

  @Test
  void aRequestWhileStoppedIsIgnored() {
    ControlMessage second = ControlMessage.step("r-2", ReplayPhase.REQUESTED, Map.of(), null);
    Step step = protocol.on(new Stopped(ID), new Control(second), T0);
    assertThat(step.state()).isEqualTo(new Stopped(ID));
    assertThat(step.actions()).isEmpty();
  }

  @Test
  void calledOffByTheCoordinatorItResumesAsItWas() {
    Control callOff =
        new Control(ControlMessage.step(ID, ReplayPhase.FAILED, Map.of(), "did not stop in time"));
    Step step = protocol.on(stopped().state(), callOff, T0);
    assertThat(step.state()).isEqualTo(new Idle());
    assertThat(step.actions())
        .containsExactly(
            new StopExpectingReset(),
            new Restart(false, Map.of(), "called off: did not stop in time"));
  }

  @Test
  void anotherInstancesFailureDoesNotCallItOff() {
    Control theirs =
        new Control(ControlMessage.answer(ID, ReplayPhase.FAILED, "i-2", Map.of(), "boom"));
    Step step = protocol.on(new Stopped(ID), theirs, T0);
    assertThat(step.state()).isEqualTo(new Stopped(ID));
    assertThat(step.actions()).isEmpty();
  }

  @Test
  void withNoResetInTimeItResumesWithoutARebuild() {
    Step step = protocol.on(new Stopped(ID), new AgentProtocol.ResetOverdue(ID), T0);
    assertThat(step.state()).isEqualTo(new Idle());
    assertThat(step.actions())
        .containsExactly(new Restart(false, Map.of(), "no reset within PT2M: resuming"));
    assertThat(protocol.on(new Stopped("r-2"), new AgentProtocol.ResetOverdue(ID), T0).actions())
        .isEmpty();
  }

  @Test
  void anInstanceThatCannotStopUnpausesAndAnswersFailed() {
    Step step =
        protocol.on(new Stopping(ID), new AgentProtocol.StopFailed(ID, "store not readable"), T0);
    assertThat(step.state()).isEqualTo(new Idle());
    assertThat(step.actions())
        .containsExactly(
            new Unpause(),
            answer(ReplayPhase.FAILED, Map.of(), "could not stop: store not readable"));
  }

  @Test
  void aStateNotReadableYetIsAskedAgainUntilTheDeadline() {
    PauseAndDigest first = new PauseAndDigest(ID, T0, Duration.ZERO);
    Step step =
        protocol.on(
            new Stopping(ID),
            new AgentProtocol.NotReadableYet(first, "rebalancing"),
            T0.plusSeconds(1));
    assertThat(step.actions())
        .containsExactly(new PauseAndDigest(ID, T0, AgentProtocol.RETRY_AFTER));

    step =
        protocol.on(
            new Stopping(ID),
            new AgentProtocol.NotReadableYet(first, "rebalancing"),
            T0.plus(AgentProtocol.READABLE_WITHIN).plusMillis(1));
    assertThat(step.state()).isEqualTo(new Idle());
    assertThat(step.actions())
        .containsExactly(
            new Unpause(),
            answer(
                ReplayPhase.FAILED,
                Map.of(),
                "could not stop: state not readable within PT1M: rebalancing"));
  }

  @Test
  void onDigestRequestedItAnswersItsDigestInAnyState() {
    Step step = protocol.on(new Idle(), control(ReplayPhase.DIGEST_REQUESTED), T0);
    assertThat(step.actions()).containsExactly(new ReadDigest(ID, T0, Duration.ZERO));
    step = protocol.on(new Idle(), new AgentProtocol.DigestRead(ID, SHARES), T0);
    assertThat(step.actions()).containsExactly(answer(ReplayPhase.DIGEST, SHARES, null));
    step = protocol.on(new Idle(), new AgentProtocol.DigestFailed(ID, "closed"), T0);
    assertThat(step.actions()).containsExactly(answer(ReplayPhase.FAILED, Map.of(), "closed"));
  }

  @Test
  void aDigestNotReadableWithinTheDeadlineIsAnsweredFailed() {
    ReadDigest first = new ReadDigest(ID, T0, Duration.ZERO);
    Step retry = protocol.on(new Idle(), new AgentProtocol.NotReadableYet(first, "restoring"), T0);
    assertThat(retry.actions()).containsExactly(new ReadDigest(ID, T0, AgentProtocol.RETRY_AFTER));
    Step late =
        protocol.on(
            new Idle(),
            new AgentProtocol.NotReadableYet(first, "restoring"),
            T0.plus(AgentProtocol.READABLE_WITHIN).plusSeconds(1));
    assertThat(late.actions())
        .containsExactly(
            answer(ReplayPhase.FAILED, Map.of(), "state not readable within PT1M: restoring"));
  }

  @Test
  void answersOfInstancesAreNoInstructions() {
    for (ReplayPhase phase : List.of(ReplayPhase.STOPPED, ReplayPhase.DIGEST)) {
      Control theirs = new Control(ControlMessage.answer(ID, phase, "i-2", SHARES, null));
      assertThat(protocol.on(new Idle(), theirs, T0).actions()).isEmpty();
    }
  }
}
