package io.datadock.runtime.kafka;

import io.datadock.schemas.Topic;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One producer for any number of {@link Topic}s: each value is encoded by its topic's serde, each
 * send completes on the broker's ack. A null value is a tombstone.
 */
public final class TopicWriter implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String prefix;

  public TopicWriter(Map<String, Object> producerConfig, String topicPrefix) {
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    this.prefix = topicPrefix;
  }

  public <V> CompletableFuture<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      String name = topic.name(prefix);
      byte[] bytes = value == null ? null : topic.valueSerde().serializer().serialize(name, value);
      producer.send(
          new ProducerRecord<>(name, key, bytes),
          (metadata, error) -> {
            if (error != null) {
              acked.completeExceptionally(error);
            } else {
              acked.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return acked;
  }

  /** Blocks until every record sent so far is acknowledged (or failed). */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
