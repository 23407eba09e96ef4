package io.datadock.gateway.kafka;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.secret.SecretCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes commands to their topics, keyed by resource key; completes on the broker's ack. One
 * producer serves every command topic, each value encoded by its topic's serde.
 */
public final class CommandPublisher implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String prefix;

  public CommandPublisher(Map<String, Object> producerConfig, String topicPrefix) {
    this.producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    this.prefix = topicPrefix;
  }

  public CompletableFuture<RecordMetadata> publish(SecretCommand command) {
    return publish(Topics.SECRET_COMMANDS, command.getResourceKey(), command);
  }

  public CompletableFuture<RecordMetadata> publish(DepotCommand command) {
    return publish(Topics.DEPOT_COMMANDS, command.getResourceKey(), command);
  }

  public CompletableFuture<RecordMetadata> publish(ScanRequest request) {
    return publish(Topics.CATALOG_SCAN_REQUESTS, request.getDepotKey(), request);
  }

  private <V> CompletableFuture<RecordMetadata> publish(
      Topic<String, V> topic, String key, V value) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      String name = topic.name(prefix);
      byte[] bytes = topic.valueSerde().serializer().serialize(name, value);
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

  @Override
  public void close() {
    producer.close();
  }
}
