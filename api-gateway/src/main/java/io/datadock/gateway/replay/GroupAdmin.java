package io.datadock.gateway.replay;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.replay.ReplayBoundary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The cluster calls a replay makes on a service's consumer group and its internal topics. Each
 * waits at most 30 seconds and throws what Kafka's admin client throws; the coordinator turns that
 * into the protocol's input in one place.
 */
final class GroupAdmin implements AutoCloseable {

  private static final long WAIT_SECONDS = 30;

  private final Admin admin;

  GroupAdmin(KafkaConnection kafka) {
    this.admin = Admin.create(KafkaSettings.admin(kafka));
  }

  /** The group's members (none once it is dead). */
  int members(String groupId) throws ExecutionException, InterruptedException, TimeoutException {
    ConsumerGroupDescription group =
        admin
            .describeConsumerGroups(List.of(groupId))
            .describedGroups()
            .get(groupId)
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    return group.groupState() == GroupState.DEAD ? 0 : group.members().size();
  }

  /** The group's committed offsets, by {@link ReplayBoundary#key}. */
  Map<String, Long> committedOffsets(String groupId)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(groupId)
            .partitionsToOffsetAndMetadata()
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    Map<String, Long> offsets = new TreeMap<>();
    committed.forEach(
        (tp, offset) -> {
          if (offset != null) {
            offsets.put(ReplayBoundary.key(tp.topic(), tp.partition()), offset.offset());
          }
        });
    return offsets;
  }

  void deleteGroup(String groupId)
      throws ExecutionException, InterruptedException, TimeoutException {
    admin.deleteConsumerGroups(List.of(groupId)).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Asks for the deletion of the Streams app's changelog and repartition topics.
   *
   * @return the topics whose deletion was asked for (it completes asynchronously)
   */
  List<String> deleteInternalTopics(String applicationId)
      throws ExecutionException, InterruptedException, TimeoutException {
    String prefix = applicationId + "-";
    List<String> internal =
        admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
            .filter(t -> t.startsWith(prefix))
            .filter(t -> t.endsWith("-changelog") || t.endsWith("-repartition"))
            .toList();
    if (!internal.isEmpty()) {
      admin.deleteTopics(internal).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    return internal;
  }

  /** Those of {@code topics} that still exist. */
  List<String> existing(List<String> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    var names = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
    return topics.stream().filter(names::contains).toList();
  }

  @Override
  public void close() {
    admin.close();
  }
}
