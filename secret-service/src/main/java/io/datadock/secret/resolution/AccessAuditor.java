package io.datadock.secret.resolution;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes one {@code secret.access} record per resolution and waits for the broker's ack: the answer
 * goes out only once the audit is durable. Fails closed: when the write fails or times out, the
 * caller must refuse the answer.
 */
public final class AccessAuditor implements AccessRecorder, AutoCloseable {

  private final KafkaProducer<String, SecretAccess> producer;
  private final String topic;
  private final long timeoutMillis;
  private final Clock clock;

  public AccessAuditor(KafkaConnection kafka, String topicPrefix, long timeoutMillis, Clock clock) {
    Topic<String, SecretAccess> access = Topics.SECRET_ACCESS;
    Map<String, Object> config = KafkaSettings.producer(kafka, "secret-service-audit");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMillis, 1000) + 1000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMillis, 1000));
    this.producer =
        new KafkaProducer<>(
            config, access.keySerde().serializer(), access.valueSerde().serializer());
    this.topic = access.name(topicPrefix);
    this.timeoutMillis = timeoutMillis;
    this.clock = clock;
  }

  /**
   * @throws AuditUnavailableException when the record is not acknowledged in time
   */
  @Override
  public void record(
      String resourceKey,
      String caller,
      String purpose,
      AccessOutcome outcome,
      String reason,
      Collection<String> fields) {
    SecretAccess access =
        SecretAccess.newBuilder()
            .setAccessId(UUID.randomUUID().toString())
            .setResourceKey(resourceKey)
            .setCaller(caller)
            .setPurpose(purpose)
            .setOutcome(outcome)
            .setReason(reason)
            .setFields(new ArrayList<>(fields))
            .setAt(clock.millis())
            .build();
    try {
      producer
          .send(new ProducerRecord<>(topic, resourceKey, access))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditUnavailableException();
    } catch (Exception e) {
      throw new AuditUnavailableException();
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(2));
  }

  /** The audit record could not be written: the resolution is refused. */
  public static final class AuditUnavailableException extends RuntimeException {
    AuditUnavailableException() {
      super("the access audit could not be written; refusing to answer", null, false, false);
    }
  }
}
