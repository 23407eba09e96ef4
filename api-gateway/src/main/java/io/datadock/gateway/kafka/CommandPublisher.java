package io.datadock.gateway.kafka;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.SecretCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes commands to their topics, keyed by resource key; completes on the broker's ack. */
public final class CommandPublisher implements AutoCloseable {

  private final KafkaProducer<String, SecretCommand> secrets;
  private final String secretCommandsTopic;

  public CommandPublisher(Map<String, Object> producerConfig, String topicPrefix) {
    Topic<String, SecretCommand> topic = Topics.SECRET_COMMANDS;
    this.secrets =
        new KafkaProducer<>(
            producerConfig, topic.keySerde().serializer(), topic.valueSerde().serializer());
    this.secretCommandsTopic = topic.name(topicPrefix);
  }

  public CompletableFuture<RecordMetadata> publish(SecretCommand command) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      secrets.send(
          new ProducerRecord<>(secretCommandsTopic, command.getResourceKey(), command),
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
    secrets.close();
  }
}
