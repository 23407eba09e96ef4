package io.datadock.runtime.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Base settings of Datadock's plain Kafka clients, each on a process's {@link KafkaConnection}. */
public final class KafkaSettings {

  private KafkaSettings() {}

  /** An idempotent producer acknowledged by all in-sync replicas, sending almost at once. */
  public static Map<String, Object> producer(KafkaConnection kafka, String clientId) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return config;
  }

  /**
   * A consumer reading <em>uncommitted</em> data, without committing offsets. The gateway reads
   * replies and state this way to see them before the service's exactly-once transaction commits;
   * that is safe because the services decide deterministically, so a transaction that aborts is
   * redone with the same outcome.
   *
   * @param groupId the consumer group, or null for a consumer that only assigns partitions
   */
  public static Map<String, Object> consumer(KafkaConnection kafka, String groupId) {
    Map<String, Object> config = kafka.clientConfig();
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    return config;
  }

  /** As {@link #consumer}, but only committed data: for consumers that must never see a redo. */
  public static Map<String, Object> committedConsumer(KafkaConnection kafka, String groupId) {
    Map<String, Object> config = consumer(kafka, groupId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  /**
   * As {@link #committedConsumer}, in a group as a static member: a restarted instance (same {@code
   * instanceId}) takes its partitions back at once. A dynamic member killed with {@code kill -9}
   * stays in the group until its session expires, and the group does not assign anything to its
   * successor until then (45 s by default): that was most of the minute a restarted launcher was
   * not ready.
   *
   * @param instanceId a name stable across restarts and unique among the group's live members
   * @param sessionTimeout how long a silent member keeps its partitions ({@code
   *     DATADOCK_SESSION_TIMEOUT_MS})
   */
  public static Map<String, Object> staticMember(
      KafkaConnection kafka, String groupId, String instanceId, Duration sessionTimeout) {
    Map<String, Object> config = committedConsumer(kafka, groupId);
    config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, heartbeatInterval(sessionTimeout));
    return config;
  }

  /**
   * A sixth of the session, between 0.5 s and the consumer's default 3 s. When a member dies, the
   * group learns of it only when its session expires, and the survivors only at their next
   * heartbeat: with the default 3 s beside a 6 s session, they took up to 3 s more to rejoin and
   * take the dead member's partitions (seen in the fault harness). Kafka asks for at most a third.
   */
  public static int heartbeatInterval(Duration sessionTimeout) {
    return (int) Math.max(500, Math.min(3_000, sessionTimeout.toMillis() / 6));
  }

  /** An admin client's config. */
  public static Map<String, Object> admin(KafkaConnection kafka) {
    return kafka.clientConfig();
  }
}
