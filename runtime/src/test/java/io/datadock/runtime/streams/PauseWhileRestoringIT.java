package io.datadock.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.replay.StateNotReadableYet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay asks an instance to pause and read its state at any moment, also while its stores are
 * still being restored (right after a rebalance that gave it a dead instance's tasks). A paused
 * Kafka Streams app does not restore, so an instance that stayed paused while it waited for its
 * state would wait forever: it must read its state within the replay's patience, as the agent asks
 * (again every 200 ms).
 */
class PauseWhileRestoringIT {

  private static final String INPUT = "pause.restore.input";
  private static final String STORE = "entries";
  private static final int RECORDS = 5_000;

  @TempDir static Path brokerDir;
  @TempDir Path stateDir;

  static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBrokerWithAChangelogToRestore() throws Exception {
    broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    try (Admin admin = Admin.create(adminProps())) {
      admin.createTopics(List.of(new NewTopic(INPUT, 2, (short) 1))).all().get();
    }
    Properties producer = PauseTestApps.client(broker);
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        p.send(new ProducerRecord<>(INPUT, "key-" + i, "value-" + i));
      }
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Properties adminProps() {
    return PauseTestApps.client(broker);
  }

  @Test
  void anInstanceAskedToPauseWhileRestoringReadsItsStateOnceRestored() throws Exception {
    try (StreamsApp first = app(stateDir.resolve("first"))) {
      first.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> entries(first) == RECORDS);
    }

    // a new instance with no local state restores the store from its changelog; the replay's
    // "pause and read" comes at once, before it is RUNNING
    try (StreamsApp restoring = app(stateDir.resolve("second"))) {
      restoring.start();
      AtomicReference<Map<Integer, StateDigest>> read = new AtomicReference<>();
      await()
          .atMost(Duration.ofSeconds(60)) // AgentProtocol.READABLE_WITHIN
          .pollInterval(Duration.ofMillis(200)) // AgentProtocol.RETRY_AFTER
          .until(
              () -> {
                try {
                  read.set(restoring.pauseAndDigest());
                  return true;
                } catch (StateNotReadableYet notYet) {
                  return false;
                }
              });
      assertThat(StateDigest.total(read.get()).entries()).isEqualTo(RECORDS);
    }
  }

  private static long entries(StreamsApp app) {
    try {
      return StateDigest.total(app.digest()).entries();
    } catch (StateNotReadableYet e) {
      return -1;
    }
  }

  private StreamsApp app(Path state) {
    Properties props = PauseTestApps.streams(broker, "pause-while-restoring", state);
    // the second instance gets the first one's tasks once the first one's session has run out
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
    return PauseTestApps.app(props, PauseWhileRestoringIT::topology, STORE);
  }

  private static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        INPUT,
        Consumed.with(Serdes.String(), Serdes.String()),
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.String()));
    return builder.build();
  }
}
