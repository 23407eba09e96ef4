package io.datadock.runtime.replay;

import io.datadock.runtime.replay.AgentProtocol.Action;
import io.datadock.runtime.replay.AgentProtocol.Answer;
import io.datadock.runtime.replay.AgentProtocol.ExpectResetWithin;
import io.datadock.runtime.replay.AgentProtocol.Input;
import io.datadock.runtime.replay.AgentProtocol.Leave;
import io.datadock.runtime.replay.AgentProtocol.PauseAndDigest;
import io.datadock.runtime.replay.AgentProtocol.ReadDigest;
import io.datadock.runtime.replay.AgentProtocol.Restart;
import io.datadock.runtime.replay.AgentProtocol.StopExpectingReset;
import io.datadock.runtime.replay.AgentProtocol.Unpause;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@link AgentProtocol}'s actions on one instance's {@link Replayable} and feeds their
 * outcomes back, one input at a time: what a {@link ReplayAgent} does with each control record,
 * apart from Kafka.
 */
final class AgentRunner {

  /** Runs a task once after a delay; the returned handle cancels it. */
  interface Timer {
    Runnable schedule(Duration delay, Runnable task);
  }

  /** Waits (a retry's delay). */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);

  private final String service;
  private final Replayable target;
  private final AgentProtocol protocol;
  private final Consumer<ControlMessage> outbox;
  private final Clock clock;
  private final Timer timer;
  private final Sleeper sleeper;
  private AgentProtocol.State state = AgentProtocol.initial();
  private Runnable resetTimer = () -> {};

  /**
   * @param outbox writes an answer on {@code replay.control} (and logs when it cannot)
   */
  AgentRunner(
      String service,
      Replayable target,
      AgentProtocol protocol,
      Consumer<ControlMessage> outbox,
      Clock clock,
      Timer timer,
      Sleeper sleeper) {
    this.service = service;
    this.target = target;
    this.protocol = protocol;
    this.outbox = outbox;
    this.clock = clock;
    this.timer = timer;
    this.sleeper = sleeper;
  }

  /** A record on {@code replay.control} for this service. */
  void on(ControlMessage message) {
    handle(new AgentProtocol.Control(message));
  }

  synchronized AgentProtocol.State state() {
    return state;
  }

  synchronized void handle(Input first) {
    Deque<Input> inputs = new ArrayDeque<>();
    inputs.add(first);
    while (!inputs.isEmpty()) {
      AgentProtocol.Step step = protocol.on(state, inputs.poll(), clock.instant());
      state = step.state();
      for (Action action : step.actions()) {
        perform(action).ifPresent(inputs::add);
      }
    }
  }

  private Optional<Input> perform(Action action) {
    if (action instanceof PauseAndDigest p) {
      return attempt(p, p.replayId(), p.delay(), target::pauseAndDigest, true);
    }
    if (action instanceof ReadDigest r) {
      return attempt(r, r.replayId(), r.delay(), target::digestAtBoundary, false);
    }
    if (action instanceof Leave l) {
      try {
        target.leave();
        return Optional.of(new AgentProtocol.Left(l.replayId()));
      } catch (RuntimeException e) {
        LOG.error("replay={} service={} could not leave the group", l.replayId(), service, e);
        return Optional.of(new AgentProtocol.StopFailed(l.replayId(), e.getMessage()));
      }
    }
    if (action instanceof Answer a) {
      outbox.accept(a.message());
    } else if (action instanceof Unpause) {
      try {
        target.unpause();
      } catch (RuntimeException e) {
        LOG.error("service={} cannot resume processing", service, e);
      }
    } else if (action instanceof Restart r) {
      LOG.info("service={} {}", service, r.why());
      target.restart(r.rebuild(), r.boundary());
    } else if (action instanceof ExpectResetWithin e) {
      resetTimer =
          timer.schedule(e.timeout(), () -> handle(new AgentProtocol.ResetOverdue(e.replayId())));
    } else if (action instanceof StopExpectingReset) {
      resetTimer.run();
    }
    return Optional.empty();
  }

  /** Reads the digest after the action's delay; the outcome as the protocol's next input. */
  private Optional<Input> attempt(
      Action action,
      String replayId,
      Duration delay,
      Supplier<Map<Integer, StateDigest>> read,
      boolean stopping) {
    try {
      if (!delay.isZero()) {
        sleeper.sleep(delay);
      } else if (stopping) {
        LOG.info("replay={} service={} stopping", replayId, service);
      }
      Map<Integer, StateDigest> shares = read.get();
      return Optional.of(
          stopping
              ? new AgentProtocol.Paused(replayId, shares)
              : new AgentProtocol.DigestRead(replayId, shares));
    } catch (StateNotReadableYet e) {
      return Optional.of(new AgentProtocol.NotReadableYet(action, e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(failed(replayId, "interrupted", stopping));
    } catch (RuntimeException e) {
      LOG.error("replay={} service={} cannot read its state", replayId, service, e);
      return Optional.of(failed(replayId, e.getMessage(), stopping));
    }
  }

  private static Input failed(String replayId, String why, boolean stopping) {
    return stopping
        ? new AgentProtocol.StopFailed(replayId, why)
        : new AgentProtocol.DigestFailed(replayId, why);
  }
}
