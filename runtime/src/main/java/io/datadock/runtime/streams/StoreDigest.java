package io.datadock.runtime.streams;

import io.datadock.runtime.replay.StateDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link StateDigest}s of one key-value store's active partitions on this instance. */
public final class StoreDigest {

  private StoreDigest() {}

  /**
   * The digest of each partition of {@code store} this instance runs an active task for.
   *
   * @param values encodes values as their topic does, so equal records give equal digests
   */
  public static <V> Map<Integer, StateDigest> byPartition(
      KafkaStreams streams, String store, Serializer<V> values) {
    Map<Integer, StateDigest> digests = new TreeMap<>();
    for (int partition : activePartitions(streams)) {
      ReadOnlyKeyValueStore<String, V> view =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                      store, QueryableStoreTypes.<String, V>keyValueStore())
                  .withPartition(partition));
      digests.put(partition, of(view, store, values));
    }
    return digests;
  }

  /**
   * The digest of a store as a processor of one task sees it: that task's partition.
   *
   * @param values encodes values as {@link #byPartition} does
   */
  public static <V> StateDigest of(
      ReadOnlyKeyValueStore<String, V> store, String storeName, Serializer<V> values) {
    StateDigest.Builder digest = StateDigest.builder();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        digest.add(entry.key, values.serialize(storeName, entry.value));
      }
    }
    return digest.build();
  }

  private static Set<Integer> activePartitions(KafkaStreams streams) {
    Set<Integer> partitions = new TreeSet<>();
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        partitions.add(task.taskId().partition());
      }
    }
    return partitions;
  }
}
