package io.datadock.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync asked while the broker is down fails within its bound, and the tail goes on: once the
 * broker is back, it hands over what is written and syncs again. Before, the sync's failure left
 * the tail's loop and ended its thread, and a gateway's view stopped for good.
 */
class TopicTailOutageIT {

  private static final String TOPIC = "tail.outage";

  @TempDir Path brokerDir;

  @Test
  void aSyncDuringABrokerOutageFailsAndTheTailGoesOnOnceTheBrokerIsBack() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    int port = URI.create("kafka://" + broker.bootstrapServers()).getPort();
    KafkaConnection kafka = KafkaConnection.plain(broker.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (TopicTail<String, String> tail =
        new TopicTail<>(
                KafkaSettings.consumer(kafka, null),
                TOPIC,
                new StringDeserializer(),
                new StringDeserializer(),
                TopicTail.From.BEGINNING,
                r -> seen.add(r.value()))
            .start()) {
      tail.caughtUp().get(30, TimeUnit.SECONDS);

      broker.close();
      assertThatThrownBy(() -> tail.sync().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);

      broker = EmbeddedKafkaBroker.start(brokerDir, port);
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              KafkaSettings.producer(kafka, "tail-outage-it"),
              new StringSerializer(),
              new StringSerializer())) {
        producer
            .send(new ProducerRecord<>(TOPIC, "k", "after the outage"))
            .get(60, TimeUnit.SECONDS);
      }
      tail.sync().get(60, TimeUnit.SECONDS);
      assertThat(seen).containsExactly("after the outage");
    } finally {
      broker.close();
    }
  }
}
