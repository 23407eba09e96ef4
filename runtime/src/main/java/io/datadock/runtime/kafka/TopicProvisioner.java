package io.datadock.runtime.kafka;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Datadock's topics when they are missing. Every topic gets the same partition count, so
 * that topics keyed alike (secret commands and reference requests) stay co-partitioned.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /**
   * For a service started alone: creates missing topics as {@code layout} says. Existing topics are
   * left as they are.
   */
  public static void ensureTopics(KafkaConnection kafka, String prefix, TopicLayout layout) {
    ensureTopics(kafka, prefix, layout.partitions(), layout.replicationFactor());
  }

  public static void ensureTopics(
      KafkaConnection kafka, String prefix, int partitions, short replicationFactor) {
    try (Admin admin = Admin.create(KafkaSettings.admin(kafka))) {
      ensureTopics(admin, prefix, partitions, replicationFactor, Topics.ALL);
    }
  }

  /**
   * Creates topics; one that another service created meanwhile (services of a fresh cluster start
   * together) is as good as created here.
   */
  private static void createTolerantly(Admin admin, List<NewTopic> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    for (var created : admin.createTopics(topics).values().entrySet()) {
      try {
        created.getValue().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  public static void ensureTopics(
      Admin admin,
      String prefix,
      int partitions,
      short replicationFactor,
      Collection<Topic<?, ?>> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      List<String> present = new ArrayList<>();
      for (Topic<?, ?> topic : topics) {
        String name = topic.name(prefix);
        if (existing.contains(name)) {
          present.add(name);
          continue;
        }
        // replicationFactor <= 0: the cluster's default.replication.factor
        NewTopic newTopic =
            new NewTopic(
                name,
                Optional.of(partitions),
                replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty());
        if (topic.compacted()) {
          newTopic.configs(
              Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        missing.add(newTopic);
      }
      if (!missing.isEmpty()) {
        createTolerantly(admin, missing);
        LOG.info(
            "created topics={} partitions={}",
            missing.stream().map(NewTopic::name).toList(),
            partitions);
      }
      if (!present.isEmpty()) {
        for (TopicDescription d :
            admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
          if (d.partitions().size() != partitions) {
            LOG.warn(
                "topic={} has partitions={} where {} were asked for; keys stay co-partitioned only if all agree",
                d.name(),
                d.partitions().size(),
                partitions);
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create Datadock's topics under prefix '" + prefix + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
