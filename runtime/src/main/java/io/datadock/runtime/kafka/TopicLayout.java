package io.datadock.runtime.kafka;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;

/**
 * How the topics a service creates when missing are laid out.
 *
 * @param partitions partitions of every topic ({@code DATADOCK_TOPIC_PARTITIONS}, default 6): the
 *     same for all, so topics keyed alike stay co-partitioned
 * @param replicationFactor replicas ({@code DATADOCK_TOPIC_REPLICATION}); 0, the default, is the
 *     cluster's {@code default.replication.factor}
 */
public record TopicLayout(int partitions, short replicationFactor) {

  public static TopicLayout from(Settings settings) {
    int partitions = settings.integer(Setting.DATADOCK_TOPIC_PARTITIONS);
    if (partitions < 1) {
      throw new ConfigurationException(
          Setting.DATADOCK_TOPIC_PARTITIONS, "must be 1 or more: " + partitions);
    }
    int replicas = settings.integer(Setting.DATADOCK_TOPIC_REPLICATION);
    if (replicas < 0 || replicas > Short.MAX_VALUE) {
      throw new ConfigurationException(
          Setting.DATADOCK_TOPIC_REPLICATION, "must be 0 (the cluster's default) or more");
    }
    return new TopicLayout(partitions, (short) replicas);
  }
}
