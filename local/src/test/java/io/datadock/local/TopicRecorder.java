package io.datadock.local;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a topic from the start in the background, committed records only, as a downstream consumer
 * would, and keeps every record for the test to look at.
 */
final class TopicRecorder<V> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> records = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  TopicRecorder(KafkaConnection kafka, Topic<String, V> topic) {
    this(kafka, topic, "it-recorder-" + System.nanoTime());
  }

  /** As a member of consumer group {@code groupId}. */
  TopicRecorder(KafkaConnection kafka, Topic<String, V> topic, String groupId) {
    consumer =
        new KafkaConsumer<>(
            KafkaSettings.committedConsumer(kafka, groupId),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name(Topics.DEFAULT_PREFIX)));
    thread = new Thread(this::run, "it-recorder-" + topic.baseName());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(100))) {
          synchronized (records) {
            records.add(r);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** The values recorded under {@code key}, in order. */
  List<V> valuesOf(String key) {
    return values(r -> key.equals(r.key()));
  }

  List<V> values(Predicate<ConsumerRecord<String, V>> filter) {
    synchronized (records) {
      return records.stream().filter(filter).map(ConsumerRecord::value).toList();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
