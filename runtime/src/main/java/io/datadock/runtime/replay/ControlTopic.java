package io.datadock.runtime.replay;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.control.ReplayControl;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The two topics through which the coordinator and every instance of a service talk: the
 * coordinator's steps on {@code replay.control} (only the gateway may write it), the instances'
 * answers on {@code replay.answers}. Their writer, and tails from their end (what is written from
 * then on).
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

  /**
   * Writes {@code message} under {@code service}'s key, a coordinator's step on {@code
   * replay.control} and an instance's answer on {@code replay.answers}, and waits for the
   * acknowledgement.
   */
  public void send(String service, ControlMessage message, long atMillis)
      throws ExecutionException, InterruptedException, TimeoutException {
    Topic<String, ReplayControl> topic =
        message.instance() == null ? Topics.REPLAY_CONTROL : Topics.REPLAY_ANSWERS;
    writer
        .send(topic, service, message.toRecord(service, atMillis))
        .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A tail (not started) handing over every coordinator step written from now on, of every service:
   * what the instances follow. A record naming an instance is not a step and is dropped.
   */
  public TopicTail<String, ReplayControl> followSteps(Consumer<ReplayControl> handler) {
    return follow(
        Topics.REPLAY_CONTROL,
        r -> {
          if (r.getInstance() == null) {
            handler.accept(r);
          }
        });
  }

  /** A tail (not started) handing over every instance's answer written from now on. */
  public TopicTail<String, ReplayControl> followAnswers(Consumer<ReplayControl> handler) {
    return follow(Topics.REPLAY_ANSWERS, handler);
  }

  private TopicTail<String, ReplayControl> follow(
      Topic<String, ReplayControl> topic, Consumer<ReplayControl> handler) {
    return new TopicTail<>(
        KafkaSettings.committedConsumer(kafka, null),
        topic.name(topicPrefix),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer(),
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
