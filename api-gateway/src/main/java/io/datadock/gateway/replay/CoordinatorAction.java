package io.datadock.gateway.replay;

import io.datadock.schemas.control.ReplayPhase;
import java.util.List;
import java.util.Map;

/**
 * What the coordinator does, as {@link CoordinatorProtocol} decides. Each action but {@link
 * Publish} and {@link Warn} reports its outcome as a {@link CoordinatorInput}; any action may
 * report {@link CoordinatorInput.Failed}.
 */
public sealed interface CoordinatorAction {

  /** Start reading {@code replay.control} from its end. */
  record FollowAnswers() implements CoordinatorAction {}

  /** Count the group's members. */
  record CountMembers() implements CoordinatorAction {}

  /** Write a step of this replay on {@code replay.control}. */
  record Publish(ReplayPhase phase, Map<String, Long> boundary, String message)
      implements CoordinatorAction {
    public Publish {
      boundary = Map.copyOf(boundary);
    }
  }

  /** Wait a moment for answers and hand over what came. */
  record AwaitAnswers() implements CoordinatorAction {}

  /** Read every answer written so far. */
  record SyncInbox() implements CoordinatorAction {}

  /** Read the group's committed offsets. */
  record ReadOffsets() implements CoordinatorAction {}

  /** Delete the consumer group (its committed offsets with it). */
  record DeleteGroup() implements CoordinatorAction {}

  /** Delete the app's changelog and repartition topics. */
  record DeleteInternalTopics() implements CoordinatorAction {}

  /** Tell which of these topics still exist. */
  record ListTopics(List<String> topics) implements CoordinatorAction {
    public ListTopics {
      topics = List.copyOf(topics);
    }
  }

  /** Wait a moment, leaving answers unread. */
  record Wait() implements CoordinatorAction {}

  /** Log a problem the replay goes on despite. */
  record Warn(String message) implements CoordinatorAction {}
}
