package io.datadock.runtime.replay;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a replay's rebuild ends and normal processing resumes. A record below the offset a service
 * had committed before the reset was fully processed then, and its outputs (events, replies,
 * connection checks) are on their topics already: replaying it rebuilds state but sends nothing
 * again. So a replay neither duplicates events for downstream consumers nor re-runs side effects in
 * other services, which would make the rebuilt state differ from the old one.
 *
 * <p>It also keeps what each partition's state was when its rebuild reached the boundary: while
 * clients keep writing, a rebuilt instance goes on past the boundary before the coordinator asks
 * for its digest, and only the state at the boundary can be compared with the one before the reset.
 */
public final class ReplayBoundary {

  private volatile Map<String, Long> committed = Map.of();
  private final Map<Integer, StateDigest> atBoundary = new ConcurrentHashMap<>();

  /**
   * @param committed per input partition ({@link #key}), the offset committed before the reset
   */
  public void set(Map<String, Long> committed) {
    atBoundary.clear();
    this.committed = Map.copyOf(committed);
  }

  /** Whether the record being processed was processed before the last replay's reset. */
  public boolean alreadyProcessed(Optional<RecordMetadata> record) {
    if (record.isEmpty()) {
      return false;
    }
    RecordMetadata m = record.get();
    return alreadyProcessed(m.topic(), m.partition(), m.offset());
  }

  /** Whether the record at this offset was processed before the last replay's reset. */
  public boolean alreadyProcessed(String topic, int partition, long offset) {
    Long boundary = committed.get(key(topic, partition));
    return boundary != null && offset < boundary;
  }

  /**
   * Called by a processor before it changes state for {@code record}: the first record of a
   * partition past the boundary after a rebuild records that partition's state as it is, {@code
   * partitionState}, read only then.
   *
   * <p>Exact for a service that decides from one ordered input per partition. With history on
   * several inputs of a partition (legacy topics), a record past the boundary on one may come
   * before the last ones below it on another, and the state recorded then misses those.
   */
  public void beforeProcessing(
      Optional<RecordMetadata> record, Supplier<StateDigest> partitionState) {
    if (record.isEmpty() || committed.isEmpty()) {
      return;
    }
    RecordMetadata m = record.get();
    if (!alreadyProcessed(m.topic(), m.partition(), m.offset())) {
      atBoundary.computeIfAbsent(m.partition(), p -> partitionState.get());
    }
  }

  /**
   * Since the last rebuild, by partition, the state each partition had when its first record past
   * the boundary came; partitions that have not gone past the boundary are absent.
   */
  public Map<Integer, StateDigest> statesAtBoundary() {
    return Map.copyOf(atBoundary);
  }

  public static String key(String topic, int partition) {
    return topic + ":" + partition;
  }
}
