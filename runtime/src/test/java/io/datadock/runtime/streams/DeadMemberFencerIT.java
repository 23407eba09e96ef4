package io.datadock.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka Streams instance killed mid-transaction, built from what the group and the coordinator
 * see of one: a static member named as a stream thread's consumer, which stops heartbeating, and a
 * producer with that thread's transactional id, whose transaction stays open. Its transaction times
 * out only after a minute here, so only the fencer can end it sooner.
 */
class DeadMemberFencerIT {

  private static final String APP = "fencer-app";
  private static final String TOPIC = "fencer.out";
  private static final Duration SESSION = Duration.ofSeconds(6);
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final String ASKED_APP = "fencer-asked-app";
  private static final String ASKED_TOPIC = "fencer.asked.out";
  private static final TopicPartition ASKED_PARTITION = new TopicPartition(ASKED_TOPIC, 0);

  @TempDir static Path brokerDir;
  static EmbeddedKafkaBroker broker;
  static KafkaConnection kafka;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    kafka = KafkaConnection.plain(broker.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin
          .createTopics(
              List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(ASKED_TOPIC, 1, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void aProcessTheGroupRemovedHasItsOpenTransactionAbortedAndItsProducerFenced() {
    String process = UUID.randomUUID().toString();
    KafkaProducer<String, String> dead = openTransaction(APP, process, TOPIC);
    KafkaConsumer<String, String> member = joinedMember(APP, process, TOPIC);
    String live = UUID.randomUUID().toString();

    try (DeadMemberFencer fencer =
        DeadMemberFencer.start(
            kafka,
            APP,
            Duration.ofMillis(500),
            () -> List.of(APP + "-" + live + "-StreamThread-1-consumer"),
            Map::of)) {
      assertThat(stableEnd()).as("the open transaction holds the last stable offset").isZero();
      // the member dies: it stops heartbeating without leaving (a static member does not)
      member.close();

      await()
          .atMost(SESSION.plusSeconds(10))
          .untilAsserted(() -> assertThat(stableEnd()).isEqualTo(2));
    }
    assertThatThrownBy(dead::commitTransaction).isInstanceOf(KafkaException.class);
    dead.close(Duration.ZERO);
  }

  @Test
  void aLookAskedForBetweenTheRegularOnesFencesAtOnce() throws Exception {
    String process = UUID.randomUUID().toString();
    KafkaProducer<String, String> dead = openTransaction(ASKED_APP, process, ASKED_TOPIC);
    KafkaConsumer<String, String> member = joinedMember(ASKED_APP, process, ASKED_TOPIC);
    long stableBefore = stableEnd(ASKED_PARTITION);

    // one look at its start, the next an hour later: only an asked-for look can fence
    try (DeadMemberFencer fencer =
        DeadMemberFencer.start(kafka, ASKED_APP, Duration.ofHours(1), List::of, Map::of)) {
      await("the first look, with the member in the group")
          .atMost(Duration.ofSeconds(10))
          .until(() -> fencer.looks() >= 1);
      member.close();
      try (Admin admin = Admin.create(kafka.clientConfig())) {
        await("the group removing the member")
            .atMost(SESSION.plusSeconds(10))
            .until(
                () ->
                    admin
                        .describeConsumerGroups(List.of(ASKED_APP))
                        .all()
                        .get()
                        .get(ASKED_APP)
                        .members()
                        .isEmpty());
      }
      assertThat(stableEnd(ASKED_PARTITION)).isEqualTo(stableBefore);

      fencer.lookNow();

      await().atMost(Duration.ofSeconds(10)).until(() -> stableEnd(ASKED_PARTITION) > stableBefore);
    }
    dead.close(Duration.ZERO);
  }

  @Test
  void consumersNameTheirProcessAndThreadAndNothingElseCounts() {
    try (DeadMemberFencer fencer = new DeadMemberFencer(kafka, APP, List::of, Map::of)) {
      String process = "0b9c3e7e-1d2a-4c55-9a0e-5f2f8d1f3c11";
      Map<String, Set<Integer>> threads =
          fencer.threadsByProcess(
              List.of(
                  APP + "-" + process + "-StreamThread-1-consumer",
                  APP + "-" + process + "-StreamThread-2-consumer",
                  "other-app-" + process + "-StreamThread-1-consumer",
                  APP + "-" + process + "-StreamThread-1-restore-consumer",
                  "consumer-" + APP + "-1"));

      assertThat(threads).containsExactly(Map.entry(process, Set.of(1, 2)));
      assertThat(DeadMemberFencer.transactionalIds(APP, process, threads.get(process)))
          .containsExactly(APP + "-" + process + "-1", APP + "-" + process + "-2");
    }
  }

  /** The last stable offset as a read_committed consumer sees it: the end it can read to. */
  private static long stableEnd() {
    return stableEnd(PARTITION);
  }

  private static long stableEnd(TopicPartition partition) {
    Map<String, Object> config = KafkaSettings.committedConsumer(kafka, null);
    try (KafkaConsumer<String, String> reader =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      return reader.endOffsets(List.of(partition)).get(partition);
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
    Map<String, Object> config = KafkaSettings.producer(kafka, transactionalId + "-producer");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /**
   * What the coordinator sees of a killed stream thread's producer: thread 1 of {@code process},
   * with a record written in a transaction that stays open.
   */
  private static KafkaProducer<String, String> openTransaction(
      String app, String process, String topic) {
    KafkaProducer<String, String> producer = transactionalProducer(app + "-" + process + "-1");
    producer.initTransactions();
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(topic, "k", "never committed"));
    producer.flush();
    return producer;
  }

  /** Thread 1 of {@code process} as a static member of {@code app}, in the group. */
  private static KafkaConsumer<String, String> joinedMember(
      String app, String process, String topic) {
    KafkaConsumer<String, String> member = staticMember(app, process);
    member.subscribe(List.of(topic));
    // in the group once it has an assignment
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> !member.poll(Duration.ofMillis(100)).isEmpty() || !member.assignment().isEmpty());
    return member;
  }

  private static KafkaConsumer<String, String> staticMember(String app, String process) {
    Map<String, Object> config =
        KafkaSettings.staticMember(kafka, app, process + "-instance", SESSION);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, app + "-" + process + "-StreamThread-1-consumer");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
