package io.datadock.gateway.kafka;

import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.secret.SecretCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes commands to their topics, keyed by resource key; completes on the broker's ack. */
public final class CommandPublisher implements AutoCloseable {

  private final TopicWriter writer;

  public CommandPublisher(Map<String, Object> producerConfig, String topicPrefix) {
    this.writer = new TopicWriter(producerConfig, topicPrefix);
  }

  public CompletableFuture<RecordMetadata> publish(SecretCommand command) {
    return writer.send(Topics.SECRET_COMMANDS, command.getResourceKey(), command);
  }

  public CompletableFuture<RecordMetadata> publish(DepotCommand command) {
    return writer.send(Topics.DEPOT_COMMANDS, command.getResourceKey(), command);
  }

  public CompletableFuture<RecordMetadata> publish(ScanRequest request) {
    return writer.send(Topics.CATALOG_SCAN_REQUESTS, request.getDepotKey(), request);
  }

  @Override
  public void close() {
    writer.close();
  }
}
