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
import io.datadock.gateway.replay.CoordinatorInput.Cause;
import io.datadock.gateway.replay.CoordinatorInput.Failed;
import io.datadock.gateway.replay.CoordinatorState.Phase;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.runtime.replay.ControlTopic;
import io.datadock.runtime.replay.ReplayTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operator's replay of one service, the Kafka Streams reset way, with the instances kept
 * running: {@link CoordinatorProtocol} decides every step; this class carries the steps out on the
 * cluster (admin calls on the group, {@code replay.control}) and feeds their outcomes back, with
 * the waiting, the cluster's failures and interrupts handled in one place ({@link
 * Execution#perform}). The instances take part through their {@code ReplayAgent}, in whatever
 * process they run.
 */
public final class ReplayCoordinator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayCoordinator.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, ReplayTarget> targets;
  private final GroupAdmin groups;
  private final ControlTopic control;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Clock clock = Clock.systemUTC();

  public ReplayCoordinator(
      KafkaConnection kafka, String topicPrefix, Map<String, ReplayTarget> targets) {
    this.targets = Map.copyOf(targets);
    this.groups = new GroupAdmin(kafka);
    this.control = new ControlTopic(kafka, topicPrefix, "replay-coordinator");
  }

  public Set<String> services() {
    return new TreeSet<>(targets.keySet());
  }

  /**
   * Replays {@code service} and blocks until it is rebuilt.
   *
   * @throws IllegalArgumentException for a service that is not one of {@link #services()}
   * @throws ReplayException when the replay cannot be done or does not finish in time
   */
  public ReplayReport replay(String service, Duration timeout) {
    ReplayTarget target = targets.get(service);
    if (target == null) {
      throw new IllegalArgumentException(
          "service must be one of " + String.join(", ", services()) + ", not '" + service + "'");
    }
    if (!running.add(service)) {
      throw new ReplayException(
          ReplayException.Reason.BUSY, "a replay of " + service + " is already running");
    }
    try (Execution execution = new Execution("r-" + UUID.randomUUID(), service, target)) {
      return execution.run(timeout);
    } finally {
      running.remove(service);
    }
  }

  /** One replay, carried out step by step. */
  private final class Execution implements AutoCloseable {

    private final String replayId;
    private final String service;
    private final ReplayTarget target;
    private ControlInbox inbox;

    Execution(String replayId, String service, ReplayTarget target) {
      this.replayId = replayId;
      this.service = service;
      this.target = target;
    }

    ReplayReport run(Duration timeout) {
      CoordinatorProtocol.Step step =
          CoordinatorProtocol.start(
              replayId, service, target.streamsApp(), clock.instant(), timeout);
      Phase logged = null;
      while (true) {
        CoordinatorState state = step.state();
        if (state.phase() != logged) {
          log(state);
          logged = state.phase();
        }
        if (state.finished()) {
          step.actions().forEach(this::perform); // calling it off: a failure here changes nothing
          if (state.report() != null) {
            return state.report();
          }
          throw new ReplayException(state.failure().reason(), state.failure().message());
        }
        CoordinatorInput input = null;
        for (var action = step.actions().iterator(); input == null && action.hasNext(); ) {
          input = perform(action.next());
        }
        if (input == null) {
          throw new IllegalStateException("replay protocol waits for nothing in " + state.phase());
        }
        step = CoordinatorProtocol.on(state, input, clock.instant());
      }
    }

    /** The action's outcome, null for one that reports none; never throws. */
    private CoordinatorInput perform(CoordinatorAction action) {
      try {
        return carryOut(action);
      } catch (ExecutionException e) {
        boolean noGroup = e.getCause() instanceof GroupIdNotFoundException;
        return failure(action, noGroup ? Cause.GROUP_NOT_FOUND : Cause.ERROR, e.getMessage());
      } catch (TimeoutException e) {
        return failure(action, Cause.TIMEOUT, "no answer in time");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Failed(Cause.INTERRUPTED, "interrupted");
      } catch (RuntimeException e) {
        return failure(action, Cause.ERROR, e.toString());
      }
    }

    private CoordinatorInput carryOut(CoordinatorAction action)
        throws ExecutionException, InterruptedException, TimeoutException {
      String groupId = target.groupId();
      if (action instanceof FollowAnswers) {
        inbox = new ControlInbox(control);
        inbox.awaitFollowing();
        return new CoordinatorInput.Following();
      } else if (action instanceof CountMembers) {
        return new CoordinatorInput.Members(groups.members(groupId));
      } else if (action instanceof Publish p) {
        control.send(
            service,
            ControlMessage.step(replayId, p.phase(), p.boundary(), p.message()),
            clock.millis());
        return null;
      } else if (action instanceof AwaitAnswers) {
        return new CoordinatorInput.Answers(inbox.drain(POLL));
      } else if (action instanceof SyncInbox) {
        inbox.sync();
        return new CoordinatorInput.InboxSynced();
      } else if (action instanceof ReadOffsets) {
        return new CoordinatorInput.Offsets(groups.committedOffsets(groupId));
      } else if (action instanceof DeleteGroup) {
        groups.deleteGroup(groupId);
        return new CoordinatorInput.GroupDeleted();
      } else if (action instanceof DeleteInternalTopics) {
        return new CoordinatorInput.TopicsDeleted(groups.deleteInternalTopics(groupId));
      } else if (action instanceof ListTopics l) {
        return new CoordinatorInput.TopicsLeft(groups.existing(l.topics()));
      } else if (action instanceof Wait) {
        Thread.sleep(POLL.toMillis()); // answers stay in the inbox meanwhile
        return new CoordinatorInput.Waited();
      } else if (action instanceof Warn w) {
        LOG.warn("replay={} service={} {}", replayId, service, w.message());
        return null;
      }
      throw new IllegalStateException("unknown replay action " + action);
    }

    private Failed failure(CoordinatorAction action, Cause cause, String message) {
      LOG.debug("replay={} service={} {} failed: {}", replayId, service, action, message);
      if (action instanceof Publish) {
        return new Failed(Cause.ERROR, "cannot write to replay.control: " + message);
      }
      if (action instanceof SyncInbox || action instanceof FollowAnswers) {
        return new Failed(Cause.ERROR, "cannot read replay.control: " + message);
      }
      return new Failed(cause, message);
    }

    private void log(CoordinatorState state) {
      switch (state.phase()) {
        case REBUILDING ->
            LOG.info("replay={} service={} reset boundary={}", replayId, service, state.boundary());
        case DONE ->
            LOG.info(
                "replay={} service={} done instances={} equal={} tookMs={}",
                replayId,
                service,
                state.report().instances(),
                state.report().equal(),
                state.report().tookMs());
        case FAILED ->
            LOG.warn(
                "replay={} service={} {}: {}",
                replayId,
                service,
                state.failure().reason(),
                state.failure().message());
        default ->
            LOG.info(
                "replay={} service={} {}", replayId, service, state.phase().name().toLowerCase());
      }
    }

    @Override
    public void close() {
      if (inbox != null) {
        inbox.close();
      }
    }
  }

  @Override
  public void close() {
    control.close();
    groups.close();
  }
}
