package io.datadock.runtime.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by a launcher from before Kafka authentication (an unsecured broker) is
 * upgraded in place by the secured start: its records stay, and only authenticated clients reach
 * them afterwards.
 */
class UnsecuredDirectoryUpgradeIT {

  private static final String TOPIC = "registered.before.authentication";

  @TempDir Path dir;

  @Test
  void aDirectoryMadeWithoutCredentialsKeepsItsRecordsOnceSecured() throws Exception {
    try (EmbeddedKafkaBroker unsecured = EmbeddedKafkaBroker.start(dir, 0)) {
      writeOneRecord(unsecured.connection(KafkaPrincipal.OPERATOR));
    }

    try (EmbeddedKafkaBroker secured = EmbeddedKafkaBroker.startSecured(dir, 0)) {
      assertThat(readAll(secured.connection(KafkaPrincipal.OPERATOR)))
          .containsExactly("depot:warehouse=registered");
      assertThat(describedUsers(secured.connection(KafkaPrincipal.OPERATOR)))
          .containsExactlyInAnyOrderElementsOf(BrokerCredentials.users());
      assertRefusedWithoutCredentials(secured.bootstrapServers());
    }

    // Upgraded once: the next secured start is an ordinary one on the same records.
    try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.startSecured(dir, 0)) {
      assertThat(readAll(again.connection(KafkaPrincipal.OPERATOR)))
          .containsExactly("depot:warehouse=registered");
    }
  }

  private static void writeOneRecord(KafkaConnection kafka) throws Exception {
    try (Admin admin = Admin.create(KafkaSettings.admin(kafka))) {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, "before-upgrade"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, "depot:warehouse", "registered")).get();
    }
  }

  private static List<String> readAll(KafkaConnection kafka) {
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    List<String> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            KafkaSettings.consumer(kafka, null),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  read.add(r.key() + "=" + r.value());
                }
                return consumer.position(partition) >= 1;
              });
    }
    return read;
  }

  private static Set<String> describedUsers(KafkaConnection kafka) throws Exception {
    try (Admin admin = Admin.create(KafkaSettings.admin(kafka))) {
      return Set.copyOf(admin.describeUserScramCredentials().users().get(30, TimeUnit.SECONDS));
    }
  }

  /** A client without credentials gets no answer: not even the topic's partitions. */
  private static void assertRefusedWithoutCredentials(String bootstrapServers) {
    try (KafkaConsumer<String, String> anonymous =
        new KafkaConsumer<>(
            KafkaSettings.consumer(KafkaConnection.plain(bootstrapServers), null),
            new StringDeserializer(),
            new StringDeserializer())) {
      assertThatThrownBy(() -> anonymous.partitionsFor(TOPIC, Duration.ofSeconds(3)))
          .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }
}
