package io.datadock.gateway.replay;

import io.datadock.runtime.replay.ControlMessage;
import java.util.List;
import java.util.Map;

/** What the coordinator learns: the outcome of each {@link CoordinatorAction} it carried out. */
public sealed interface CoordinatorInput {

  /** {@link CoordinatorAction.FollowAnswers} done: answers written from now on are read. */
  record Following() implements CoordinatorInput {}

  /** {@link CoordinatorAction.CountMembers}: the group's members. */
  record Members(int count) implements CoordinatorInput {}

  /**
   * {@link CoordinatorAction.AwaitAnswers}: what was read from {@code replay.control} meanwhile.
   */
  record Answers(List<ControlMessage> messages) implements CoordinatorInput {
    public Answers {
      messages = List.copyOf(messages);
    }
  }

  /** {@link CoordinatorAction.SyncInbox}: everything written before is read. */
  record InboxSynced() implements CoordinatorInput {}

  /** {@link CoordinatorAction.ReadOffsets}: the group's committed offsets, by partition key. */
  record Offsets(Map<String, Long> committed) implements CoordinatorInput {
    public Offsets {
      committed = Map.copyOf(committed);
    }
  }

  /** {@link CoordinatorAction.DeleteGroup} done. */
  record GroupDeleted() implements CoordinatorInput {}

  /** {@link CoordinatorAction.DeleteInternalTopics}: the topics whose deletion was asked for. */
  record TopicsDeleted(List<String> topics) implements CoordinatorInput {
    public TopicsDeleted {
      topics = List.copyOf(topics);
    }
  }

  /** {@link CoordinatorAction.ListTopics}: those of the topics that still exist. */
  record TopicsLeft(List<String> topics) implements CoordinatorInput {
    public TopicsLeft {
      topics = List.copyOf(topics);
    }
  }

  /** {@link CoordinatorAction.Wait} done. */
  record Waited() implements CoordinatorInput {}

  /** An action failed. */
  record Failed(Cause cause, String message) implements CoordinatorInput {}

  /** What went wrong with an action. */
  enum Cause {
    /** The cluster answered with an error. */
    ERROR,
    /** The cluster did not answer in time. */
    TIMEOUT,
    /** The consumer group does not exist (any more). */
    GROUP_NOT_FOUND,
    /** The coordinating thread was interrupted. */
    INTERRUPTED
  }
}
