package io.datadock.runtime.replay;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a replay's rebuild ends and normal processing resumes. A record below the offset a service
 * had committed before the reset was fully processed then, and its outputs (events, replies,
 * connection checks) are on their topics already: replaying it rebuilds state but sends nothing
 * again. So a replay neither duplicates events for downstream consumers nor re-runs side effects in
 * other services, which would make the rebuilt state differ from the old one.
 */
public final class ReplayBoundary {

  private volatile Map<String, Long> committed = Map.of();

  /**
   * @param committed per input partition ({@link #key}), the offset committed before the reset
   */
  public void set(Map<String, Long> committed) {
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

  public static String key(String topic, int partition) {
    return topic + ":" + partition;
  }
}
