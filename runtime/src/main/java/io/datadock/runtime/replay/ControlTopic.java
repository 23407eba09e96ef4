package io.datadock.runtime.replay;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topics;
import io.datadock.schemas.control.ReplayControl;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code replay.control}, through which the coordinator and every instance of a service talk: its
 * writer, and a tail from its end (what is written from then on).
 */
public final class ControlTopic implements AutoCloseable {

  /** How long a write may wait for the broker's acknowledgement. */
  public static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final KafkaConnection kafka;
  private final String topicPrefix;
  private final TopicWriter writer;

  public ControlTopic(KafkaConnection kafka, String topicPrefix, String clientId) {
    this.kafka = kafka;
    this.topicPrefix = topicPrefix;
    this.writer = new TopicWriter(KafkaSettings.producer(kafka, clientId), topicPrefix);
  }

  /** Writes {@code message} under {@code service}'s key and waits for the acknowledgement. */
  public void send(String service, ControlMessage message, long atMillis)
      throws ExecutionException, InterruptedException, TimeoutException {
    writer
        .send(Topics.REPLAY_CONTROL, service, message.toRecord(service, atMillis))
        .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A tail (not started) handing over every record written from now on, of every service. */
  public TopicTail<String, ReplayControl> follow(Consumer<ReplayControl> handler) {
    return new TopicTail<>(
        KafkaSettings.committedConsumer(kafka, null),
        Topics.REPLAY_CONTROL.name(topicPrefix),
        Topics.REPLAY_CONTROL.keySerde().deserializer(),
        Topics.REPLAY_CONTROL.valueSerde().deserializer(),
        TopicTail.From.END,
        r -> {
          if (r.value() != null) {
            handler.accept(r.value());
          }
        });
  }

  @Override
  public void close() {
    writer.close();
  }
}
