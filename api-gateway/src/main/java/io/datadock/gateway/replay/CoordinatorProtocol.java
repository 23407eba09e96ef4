package io.datadock.gateway.replay;

import io.datadock.gateway.replay.CoordinatorAction.AwaitAnswers;
import io.datadock.gateway.replay.CoordinatorAction.CountMembers;
import io.datadock.gateway.replay.CoordinatorAction.DeleteGroup;
import io.datadock.gateway.replay.CoordinatorAction.DeleteInternalTopics;
import io.datadock.gateway.replay.CoordinatorAction.FollowAnswers;
import io.datadock.gateway.replay.CoordinatorAction.ListTopics;
import io.datadock.gateway.replay.CoordinatorAction.Publish;
import io.datadock.gateway.replay.CoordinatorAction.ReadOffsets;
import io.datadock.gateway.replay.CoordinatorAction.SyncInbox;
import io.datadock.gateway.replay.CoordinatorAction.Wait;
import io.datadock.gateway.replay.CoordinatorAction.Warn;
import io.datadock.gateway.replay.CoordinatorInput.Answers;
import io.datadock.gateway.replay.CoordinatorInput.Cause;
import io.datadock.gateway.replay.CoordinatorInput.Failed;
import io.datadock.gateway.replay.CoordinatorInput.Members;
import io.datadock.gateway.replay.CoordinatorInput.Offsets;
import io.datadock.gateway.replay.CoordinatorInput.TopicsDeleted;
import io.datadock.gateway.replay.CoordinatorInput.TopicsLeft;
import io.datadock.gateway.replay.CoordinatorState.Phase;
import io.datadock.gateway.replay.ReplayException.Reason;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.schemas.control.ReplayPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's decisions in a replay as a pure function, {@code state × input → state ×
 * actions}: no Kafka, no clock (the time comes with each input), no threads. A replay goes CHECKING
 * (anything running?) → STOPPING (REQUESTED; every instance answers STOPPED and leaves) → DRAINING
 * (the group is empty: read the last answers) → RECORDING_BOUNDARY (the committed offsets) →
 * DELETING_GROUP → DELETING_INTERNAL_TOPICS (Streams apps) → REBUILDING (RESET; until the committed
 * offsets are back at the boundary) → COLLECTING_DIGESTS (DIGEST_REQUESTED, until every instance
 * answered and every partition is covered) → DONE with a {@link ReplayReport}.
 *
 * <p>Failures: no member at the start is NOT_RUNNING. Until the group is deleted nothing is lost: a
 * failure or the deadline calls the replay off (FAILED on {@code replay.control}) and the instances
 * resume as they were. From then on resuming as before is impossible, so the replay goes on even
 * when an internal topic cannot be deleted (decisions are idempotent: a store restored from a
 * surviving changelog and fed its inputs again ends the same), and a failure or the deadline ends
 * the coordinator's wait only.
 */
public final class CoordinatorProtocol {

  private CoordinatorProtocol() {}

  /** A replay of {@code service} until {@code now + timeout}. */
  public static Step start(
      String replayId, String service, boolean streamsApp, Instant now, Duration timeout) {
    CoordinatorState.Run run =
        new CoordinatorState.Run(replayId, service, streamsApp, now, now.plus(timeout));
    return new Step(CoordinatorState.start(run), List.of(new FollowAnswers()));
  }

  public static Step on(CoordinatorState s, CoordinatorInput in, Instant now) {
    if (s.finished()) {
      return new Step(s, List.of());
    }
    if (in instanceof Failed f && f.cause() == Cause.INTERRUPTED) {
      return fail(s, Reason.FAILED, "interrupted");
    }
    return switch (s.phase()) {
      case CHECKING -> checking(s, in);
      case STOPPING -> stopping(s, in, now);
      case DRAINING -> draining(s, in);
      case RECORDING_BOUNDARY, DELETING_GROUP -> resetting(s, in);
      case DELETING_INTERNAL_TOPICS -> deletingInternalTopics(s, in, now);
      case REBUILDING -> rebuilding(s, in, now);
      case COLLECTING_DIGESTS -> DigestCollection.collecting(s, in, now);
      case SETTLING -> DigestCollection.settling(s, in);
      case DONE, FAILED -> new Step(s, List.of());
    };
  }

  private static Step checking(CoordinatorState s, CoordinatorInput in) {
    if (in instanceof CoordinatorInput.Following) {
      return new Step(s, List.of(new CountMembers()));
    }
    int members = members(in);
    if (members == 0) {
      return fail(
          s,
          Reason.NOT_RUNNING,
          "no instance of " + s.run().service() + " is running: start it, then replay");
    }
    if (members > 0) {
      return new Step(
          s.to(Phase.STOPPING),
          List.of(new Publish(ReplayPhase.REQUESTED, Map.of(), null), new AwaitAnswers()));
    }
    return failed(s, in);
  }

  private static Step stopping(CoordinatorState s, CoordinatorInput in, Instant now) {
    if (in instanceof Answers a) {
      return take(s, a, ReplayPhase.STOPPED, List.of(new CountMembers()));
    }
    int members = members(in);
    if (members < 0) {
      return failed(s, in);
    }
    if (!s.before().isEmpty() && members == 0) {
      // Instances answer before they leave: with the group empty, every answer is written.
      return new Step(s.to(Phase.DRAINING), List.of(new SyncInbox()));
    }
    if (now.isAfter(s.run().deadline())) {
      return fail(
          s,
          Reason.TIMEOUT,
          "instances of "
              + s.run().service()
              + " did not stop in time; stopped: "
              + s.before().keySet());
    }
    return new Step(s, List.of(new AwaitAnswers()));
  }

  private static Step draining(CoordinatorState s, CoordinatorInput in) {
    if (in instanceof CoordinatorInput.InboxSynced) {
      return new Step(s, List.of(new AwaitAnswers()));
    }
    if (in instanceof Answers a) {
      Step taken = take(s, a, ReplayPhase.STOPPED, List.of(new ReadOffsets()));
      return taken.state().finished()
          ? taken
          : new Step(taken.state().to(Phase.RECORDING_BOUNDARY), taken.actions());
    }
    return failed(s, in);
  }

  private static Step resetting(CoordinatorState s, CoordinatorInput in) {
    if (in instanceof Offsets o && s.phase() == Phase.RECORDING_BOUNDARY) {
      return new Step(
          s.withBoundary(o.committed()).to(Phase.DELETING_GROUP), List.of(new DeleteGroup()));
    }
    if (in instanceof CoordinatorInput.GroupDeleted && s.phase() == Phase.DELETING_GROUP) {
      return s.run().streamsApp()
          ? new Step(s.to(Phase.DELETING_INTERNAL_TOPICS), List.of(new DeleteInternalTopics()))
          : reset(s, List.of());
    }
    if (in instanceof Failed f) {
      return fail(s, Reason.FAILED, "cannot reset " + s.run().service() + ": " + f.message());
    }
    return unexpected(s, in);
  }

  private static Step deletingInternalTopics(CoordinatorState s, CoordinatorInput in, Instant now) {
    if (in instanceof TopicsDeleted d) {
      return d.topics().isEmpty()
          ? reset(s, List.of())
          : new Step(s.withInternalTopics(d.topics()), List.of(new ListTopics(d.topics())));
    }
    if (in instanceof TopicsLeft left) {
      if (left.topics().isEmpty()) {
        return reset(s, List.of());
      }
      if (now.isAfter(s.run().deadline())) {
        return reset(s, List.of(notDeleted("internal topics " + left.topics() + " still exist")));
      }
      // Deletion completes asynchronously; the app must not recreate a topic still being deleted.
      return new Step(s, List.of(new Wait()));
    }
    if (in instanceof CoordinatorInput.Waited) {
      return new Step(s, List.of(new ListTopics(s.internalTopics())));
    }
    if (in instanceof Failed f) {
      return reset(s, List.of(notDeleted(f.message())));
    }
    return unexpected(s, in);
  }

  private static Warn notDeleted(String why) {
    return new Warn("internal topics not deleted, the replay goes on: " + why);
  }

  /** The group and its internal topics are gone: the instances rebuild. */
  private static Step reset(CoordinatorState s, List<Warn> warnings) {
    List<CoordinatorAction> actions = new ArrayList<>(warnings);
    actions.add(new Publish(ReplayPhase.RESET, s.boundary(), null));
    actions.add(new AwaitAnswers());
    return new Step(s.to(Phase.REBUILDING), actions);
  }

  private static Step rebuilding(CoordinatorState s, CoordinatorInput in, Instant now) {
    if (in instanceof Answers a) {
      // only a FAILED answer matters now
      return take(s, a, null, List.of(new ReadOffsets()));
    }
    boolean caughtUp;
    if (in instanceof Offsets o) {
      caughtUp = caughtUp(s.boundary(), o.committed());
    } else if (in instanceof Failed f
        && (f.cause() == Cause.GROUP_NOT_FOUND || f.cause() == Cause.TIMEOUT)) {
      caughtUp = false; // the rebuilt instances have not committed yet
    } else {
      return failed(s, in);
    }
    if (caughtUp) {
      return DigestCollection.ask(s);
    }
    if (now.isAfter(s.run().deadline())) {
      return fail(
          s,
          Reason.TIMEOUT,
          s.run().service()
              + " was reset and is still rebuilding: its digest can be read from each instance"
              + " once it is done");
    }
    return new Step(s, List.of(new AwaitAnswers()));
  }

  private static boolean caughtUp(Map<String, Long> boundary, Map<String, Long> committed) {
    return boundary.entrySet().stream()
        .allMatch(e -> e.getValue() == 0 || committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /**
   * Records this replay's answers of {@code phase} (none when null); a FAILED answer of an instance
   * ends the replay.
   */
  static Step take(
      CoordinatorState s, Answers answers, ReplayPhase phase, List<CoordinatorAction> next) {
    CoordinatorState t = s;
    for (ControlMessage m : answers.messages()) {
      if (!s.run().replayId().equals(m.replayId()) || m.instance() == null) {
        continue;
      }
      if (m.phase() == ReplayPhase.FAILED) {
        return fail(
            t,
            Reason.FAILED,
            "instance " + m.instance() + " of " + s.run().service() + ": " + m.message());
      }
      if (m.phase() == phase) {
        t =
            phase == ReplayPhase.STOPPED
                ? t.withBefore(m.instance(), m.shares())
                : t.withAfter(m.instance(), m.shares());
      }
    }
    return new Step(t, next);
  }

  /** The members {@code in} reports (no group: none), or -1 when it is no count. */
  private static int members(CoordinatorInput in) {
    if (in instanceof Members m) {
      return m.count();
    }
    return in instanceof Failed f && f.cause() == Cause.GROUP_NOT_FOUND ? 0 : -1;
  }

  /** A failed action ends the replay. */
  static Step failed(CoordinatorState s, CoordinatorInput in) {
    if (!(in instanceof Failed f)) {
      return unexpected(s, in);
    }
    return f.cause() == Cause.TIMEOUT
        ? fail(s, Reason.TIMEOUT, "cluster did not answer")
        : fail(s, Reason.FAILED, f.message());
  }

  /** Ends the replay; while the group is untouched, the instances are told to resume. */
  static Step fail(CoordinatorState s, Reason reason, String message) {
    List<CoordinatorAction> callOff =
        s.phase().callsOff()
            ? List.of(new Publish(ReplayPhase.FAILED, Map.of(), message))
            : List.of();
    return new Step(s.failed(reason, message), callOff);
  }

  private static Step unexpected(CoordinatorState s, CoordinatorInput in) {
    throw new IllegalStateException("replay protocol: " + in + " in phase " + s.phase());
  }

  /** The next state and what to do, in order. */
  public record Step(CoordinatorState state, List<CoordinatorAction> actions) {
    public Step {
      actions = List.copyOf(actions);
    }
  }
}
