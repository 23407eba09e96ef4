package io.datadock.runtime.streams;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Kafka Streams settings every Datadock service shares. */
public final class StreamsSettings {

  private StreamsSettings() {}

  /**
   * @param instanceId a name stable across restarts of this instance (static group membership): a
   *     restarted instance takes its partitions back at once instead of waiting for the session of
   *     its former self to time out
   * @param sessionTimeout how long the group waits for a silent instance before moving its
   *     partitions ({@code DATADOCK_SESSION_TIMEOUT_MS}, 45 s, Kafka Streams' own default). With
   *     static membership a restarted instance takes them back at once, so this only bounds how
   *     long a dead one's partitions have no owner. The brokers' {@code
   *     group.min.session.timeout.ms} (6 s by default) is the lower bound.
   */
  public static Properties exactlyOnce(
      String applicationId,
      String instanceId,
      KafkaConnection kafka,
      Path stateDir,
      long commitIntervalMs,
      int streamThreads,
      Duration sessionTimeout) {
    Properties p = new Properties();
    // bootstrap servers and security, for every client of the app (its admin client included)
    p.putAll(kafka.clientConfig());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) sessionTimeout.toMillis());
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        KafkaSettings.heartbeatInterval(sessionTimeout));
    // The transactions keep Kafka Streams' own 10 s timeout. A killed instance's open transaction
    // holds up its partitions' readers until then, but a shorter one (half the session, 3 s in
    // the fault harness) made a leader broker's kill outlast live transactions: the coordinator
    // aborted them, fenced their instances and the depot applies waited 36 s. DeadMemberFencer
    // aborts a dead instance's transactions as soon as the group removes it instead.
    // Replies are read before commit (see KafkaSettings): send them as soon as they are produced
    // instead of lingering, which would add straight to every request's latency.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 1);
    // A record that cannot be decoded is logged (without its contents) and skipped: one poison
    // record must not stop every tenant's commands.
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    return p;
  }
}
