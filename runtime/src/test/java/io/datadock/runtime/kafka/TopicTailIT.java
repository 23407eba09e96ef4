package io.datadock.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TopicTail#sync()} promises, on a real broker: once it completes, every record written
 * before the call has been handed over. A sync wakes the tail's poll and reads the end offsets on a
 * connection of its own; neither may cost a record.
 */
class TopicTailIT {

  @TempDir static Path brokerDir;

  static EmbeddedKafkaBroker broker;
  static KafkaConnection kafka;
  static KafkaProducer<String, String> producer;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    kafka = KafkaConnection.plain(broker.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic("tail.beginning", 6, (short) 1),
                  new NewTopic("tail.end", 6, (short) 1)))
          .all()
          .get();
    }
    producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, "tail-it"),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
    broker.close();
  }

  @Test
  void everyRecordWrittenBeforeASyncIsHandedOverWhenItCompletes() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (TopicTail<String, String> tail = tail("tail.beginning", TopicTail.From.BEGINNING, seen)) {
      tail.caughtUp().get(30, TimeUnit.SECONDS);
      assertThat(tail.sync().get(30, TimeUnit.SECONDS)).as("a sync with nothing new").isNull();

      for (int i = 0; i < 50; i++) {
        producer.send(new ProducerRecord<>("tail.beginning", "k" + i, "v" + i)).get();
        tail.sync().get(30, TimeUnit.SECONDS);
        assertThat(seen).as("after sync %d", i).contains("v" + i).hasSize(i + 1);
      }
    }
  }

  @Test
  void syncsAskedWhileRecordsFlowLoseNone() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (TopicTail<String, String> tail = tail("tail.end", TopicTail.From.END, seen)) {
      tail.caughtUp().get(30, TimeUnit.SECONDS);
      List<CompletableFuture<Void>> syncs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        producer.send(new ProducerRecord<>("tail.end", "k" + (i % 17), "v" + i));
        if (i % 5 == 0) {
          syncs.add(tail.sync()); // each one wakes the poll, mid-fetch or not
        }
      }
      producer.flush();
      tail.sync().get(30, TimeUnit.SECONDS);
      CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      assertThat(seen).hasSize(500).doesNotHaveDuplicates();
    }
  }

  @Test
  void aClosedTailEndsItsThreadThoughItWasPolling() throws Exception {
    TopicTail<String, String> tail = tail("tail.end", TopicTail.From.END, new ArrayList<>());
    tail.caughtUp().get(30, TimeUnit.SECONDS);
    tail.sync().get(30, TimeUnit.SECONDS);
    tail.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("tail-tail.end") && t.isAlive());
  }

  private static TopicTail<String, String> tail(
      String topic, TopicTail.From from, List<String> seen) {
    return new TopicTail<>(
            KafkaSettings.consumer(kafka, null),
            topic,
            new StringDeserializer(),
            new StringDeserializer(),
            from,
            r -> seen.add(r.value()))
        .start();
  }
}
