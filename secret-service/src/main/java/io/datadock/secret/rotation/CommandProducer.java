package io.datadock.secret.rotation;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.SecretCommand;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends secret-service's own commands (re-seals) to {@code secret.commands}, keyed by resource. */
public final class CommandProducer implements AutoCloseable {

  private final KafkaProducer<String, SpecificRecord> producer;
  private final String topic;

  public CommandProducer(KafkaConnection kafka, String topicPrefix) {
    Topic<String, SpecificRecord> commands = Topics.SECRET_COMMANDS;
    this.producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, "secret-service-rotation"),
            commands.keySerde().serializer(),
            commands.valueSerde().serializer());
    this.topic = commands.name(topicPrefix);
  }

  public void send(SecretCommand command) {
    producer.send(new ProducerRecord<>(topic, command.getResourceKey(), command));
  }

  @Override
  public void close() {
    producer.close();
  }
}
