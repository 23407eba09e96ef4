package io.datadock.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition are safe to commit while records finish out of order (on a worker
 * pool): a slow one (a database that times out) must not hold back fast ones, and a crash must not
 * lose a record whose work was not done. Commits only up to the first unfinished offset.
 */
public final class OffsetTracker {

  private final Map<TopicPartition, TreeMap<Long, Boolean>> inFlight = new HashMap<>();

  public synchronized void started(TopicPartition partition, long offset) {
    inFlight.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, false);
  }

  public synchronized void finished(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> offsets = inFlight.get(partition);
    if (offsets != null && offsets.containsKey(offset)) {
      offsets.put(offset, true);
    }
  }

  public synchronized int pending() {
    return inFlight.values().stream().mapToInt(TreeMap::size).sum();
  }

  /** The offsets to commit now, and forgets the finished prefix of each partition. */
  public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    inFlight.forEach(
        (partition, offsets) -> {
          Long next = null;
          while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
            next = offsets.pollFirstEntry().getKey() + 1;
          }
          if (next != null) {
            out.put(partition, new OffsetAndMetadata(next));
          }
        });
    return out;
  }

  /** Partitions taken away in a rebalance: their unfinished checks will be redone elsewhere. */
  public synchronized void revoked(Iterable<TopicPartition> partitions) {
    partitions.forEach(inFlight::remove);
  }
}
