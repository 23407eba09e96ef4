package io.datadock.runtime.replay;

import io.datadock.schemas.control.ReplayPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One instance's side of a replay as a pure function, {@code state × input → state × actions}: no
 * Kafka, no clock, no threads (the time comes with each input). On REQUESTED the instance pauses,
 * answers STOPPED with its digest, then leaves the group and expects RESET within the reset
 * timeout; on RESET it rebuilds up to the boundary; on the coordinator's FAILED, or when no RESET
 * comes in time, it resumes where it was; on DIGEST_REQUESTED it answers DIGEST. An instance that
 * cannot stop unpauses and answers FAILED. A state not readable yet (tasks being assigned or
 * restored) is asked again for up to {@link #READABLE_WITHIN}.
 */
public final class AgentProtocol {

  /** How long an instance keeps asking for a state that is not readable yet. */
  public static final Duration READABLE_WITHIN = Duration.ofSeconds(60);

  /** How long it waits between two asks. */
  public static final Duration RETRY_AFTER = Duration.ofMillis(200);

  /** Where the instance is in a replay. */
  public sealed interface State {}

  /** Processing as usual. */
  public record Idle() implements State {}

  /** Pausing and leaving the group for {@code replayId}. */
  public record Stopping(String replayId) implements State {}

  /** Out of the group, waiting for RESET (or FAILED) of {@code replayId}. */
  public record Stopped(String replayId) implements State {}

  /** What the instance learns. */
  public sealed interface Input {}

  /** A record on {@code replay.control} for this instance's service. */
  public record Control(ControlMessage message) implements Input {}

  /** {@link PauseAndDigest} done: paused, with these shares. */
  public record Paused(String replayId, Map<Integer, StateDigest> shares) implements Input {}

  /** {@link Leave} done: out of the group. */
  public record Left(String replayId) implements Input {}

  /** {@link PauseAndDigest} or {@link Leave} failed. */
  public record StopFailed(String replayId, String why) implements Input {}

  /** {@link ReadDigest} done. */
  public record DigestRead(String replayId, Map<Integer, StateDigest> shares) implements Input {}

  /** {@link ReadDigest} failed. */
  public record DigestFailed(String replayId, String why) implements Input {}

  /** {@code attempt} found the state not readable yet. */
  public record NotReadableYet(Action attempt, String why) implements Input {}

  /** The reset timeout set by {@link ExpectResetWithin} ran out. */
  public record ResetOverdue(String replayId) implements Input {}

  /** What the instance does. */
  public sealed interface Action {}

  /** After {@code delay}, pause processing (still a member) and read the digest. */
  public record PauseAndDigest(String replayId, Instant since, Duration delay) implements Action {}

  /** Leave the consumer group. */
  public record Leave(String replayId) implements Action {}

  /** Process again as before, still a member. */
  public record Unpause() implements Action {}

  /** After {@code delay}, read the digest. */
  public record ReadDigest(String replayId, Instant since, Duration delay) implements Action {}

  /** Write an answer on {@code replay.control}. */
  public record Answer(ControlMessage message) implements Action {}

  /** Start again: rebuilt up to the boundary, or as it was; {@code why} is for the log. */
  public record Restart(boolean rebuild, Map<String, Long> boundary, String why)
      implements Action {}

  /** Report {@link ResetOverdue} after {@code timeout}. */
  public record ExpectResetWithin(String replayId, Duration timeout) implements Action {}

  /** The RESET (or FAILED) came: {@link ExpectResetWithin} no longer applies. */
  public record StopExpectingReset() implements Action {}

  /** The next state and what to do, in order. */
  public record Step(State state, List<Action> actions) {}

  private final String instance;
  private final Duration resetTimeout;

  /**
   * @param instance the name this instance answers by
   * @param resetTimeout how long a stopped instance waits for RESET before it resumes as it was
   */
  public AgentProtocol(String instance, Duration resetTimeout) {
    this.instance = instance;
    this.resetTimeout = resetTimeout;
  }

  public static State initial() {
    return new Idle();
  }

  public Step on(State state, Input input, Instant now) {
    if (input instanceof Control c) {
      return onControl(state, c.message(), now);
    }
    if (input instanceof Paused p && state.equals(new Stopping(p.replayId()))) {
      return new Step(
          state,
          List.of(
              answer(p.replayId(), ReplayPhase.STOPPED, p.shares(), null),
              new Leave(p.replayId())));
    }
    if (input instanceof Left l && state.equals(new Stopping(l.replayId()))) {
      return new Step(
          new Stopped(l.replayId()), List.of(new ExpectResetWithin(l.replayId(), resetTimeout)));
    }
    if (input instanceof StopFailed f && state.equals(new Stopping(f.replayId()))) {
      return cannotStop(f.replayId(), f.why());
    }
    if (input instanceof DigestRead d) {
      return new Step(state, List.of(answer(d.replayId(), ReplayPhase.DIGEST, d.shares(), null)));
    }
    if (input instanceof DigestFailed f) {
      return new Step(state, List.of(answer(f.replayId(), ReplayPhase.FAILED, Map.of(), f.why())));
    }
    if (input instanceof NotReadableYet n) {
      return notReadable(state, n, now);
    }
    if (input instanceof ResetOverdue o && state.equals(new Stopped(o.replayId()))) {
      return new Step(
          new Idle(),
          List.of(new Restart(false, Map.of(), "no reset within " + resetTimeout + ": resuming")));
    }
    return new Step(state, List.of());
  }

  private Step onControl(State state, ControlMessage m, Instant now) {
    String replayId = m.replayId();
    return switch (m.phase()) {
      case REQUESTED ->
          state instanceof Idle
              ? new Step(
                  new Stopping(replayId), List.of(new PauseAndDigest(replayId, now, Duration.ZERO)))
              : new Step(state, List.of());
      case RESET ->
          state.equals(new Stopped(replayId))
              ? new Step(
                  new Idle(),
                  List.of(
                      new StopExpectingReset(),
                      new Restart(true, m.boundary(), "rebuilding from the input topics")))
              : new Step(state, List.of());
      case FAILED ->
          m.instance() == null && state.equals(new Stopped(replayId))
              ? new Step(
                  new Idle(),
                  List.of(
                      new StopExpectingReset(),
                      new Restart(false, Map.of(), "called off: " + m.message())))
              : new Step(state, List.of());
      case DIGEST_REQUESTED ->
          new Step(state, List.of(new ReadDigest(replayId, now, Duration.ZERO)));
      case STOPPED, DIGEST -> new Step(state, List.of());
    };
  }

  private Step notReadable(State state, NotReadableYet n, Instant now) {
    if (n.attempt() instanceof PauseAndDigest p && state.equals(new Stopping(p.replayId()))) {
      return now.isAfter(p.since().plus(READABLE_WITHIN))
          ? cannotStop(p.replayId(), unreadable(n.why()))
          : new Step(state, List.of(new PauseAndDigest(p.replayId(), p.since(), RETRY_AFTER)));
    }
    if (n.attempt() instanceof ReadDigest r) {
      return now.isAfter(r.since().plus(READABLE_WITHIN))
          ? new Step(
              state,
              List.of(answer(r.replayId(), ReplayPhase.FAILED, Map.of(), unreadable(n.why()))))
          : new Step(state, List.of(new ReadDigest(r.replayId(), r.since(), RETRY_AFTER)));
    }
    return new Step(state, List.of());
  }

  /** Still a member, only paused (or not even that): carry on as before, and say so. */
  private Step cannotStop(String replayId, String why) {
    return new Step(
        new Idle(),
        List.of(
            new Unpause(),
            answer(replayId, ReplayPhase.FAILED, Map.of(), "could not stop: " + why)));
  }

  private static String unreadable(String why) {
    return "state not readable within " + READABLE_WITHIN + ": " + why;
  }

  private Answer answer(
      String replayId, ReplayPhase phase, Map<Integer, StateDigest> shares, String message) {
    return new Answer(ControlMessage.answer(replayId, phase, instance, shares, message));
  }
}
