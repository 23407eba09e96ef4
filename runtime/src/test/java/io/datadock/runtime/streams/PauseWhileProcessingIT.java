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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay's "pause and read your state" can come while a stream thread is in the middle of a
 * record. {@code KafkaStreams.pause()} only sets a flag: the record is still written to the store
 * and committed afterwards, so a state read at once would miss it while its offset counts as
 * processed, and the replay would find one entry more after the rebuild than before (as a CI run of
 * {@code ReplayIT} did). The read must wait for the thread to finish what it had.
 */
class PauseWhileProcessingIT {

  private static final String INPUT = "pause.processing.input";
  private static final String STORE = "entries";

  @TempDir static Path brokerDir;
  @TempDir Path stateDir;

  static EmbeddedKafkaBroker broker;

  /** The processor blocks on this record until released. */
  static final CountDownLatch entered = new CountDownLatch(1);

  static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    try (Admin admin = Admin.create(clientProps())) {
      admin.createTopics(List.of(new NewTopic(INPUT, 1, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() {
    release.countDown();
    broker.close();
  }

  @Test
  void aStateReadAfterThePauseHoldsTheRecordTheThreadWasProcessing() throws Exception {
    try (StreamsApp app = app();
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(clientProps(), new StringSerializer(), new StringSerializer())) {
      app.start();
      producer.send(new ProducerRecord<>(INPUT, "a", "quick")).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> entries(app) == 1);

      producer.send(new ProducerRecord<>(INPUT, "b", "slow")).get();
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Map<Integer, StateDigest>> read =
          CompletableFuture.supplyAsync(app::pauseAndDigest);

      await("the read, waiting while the thread is inside a record")
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !read.isDone());
      release.countDown();

      assertThat(StateDigest.total(read.get(30, TimeUnit.SECONDS)).entries()).isEqualTo(2);
    }
  }

  private static long entries(StreamsApp app) {
    try {
      return StateDigest.total(app.digest()).entries();
    } catch (StateNotReadableYet e) {
      return -1;
    }
  }

  private static Properties clientProps() {
    return PauseTestApps.client(broker);
  }

  private StreamsApp app() {
    return PauseTestApps.app(
        PauseTestApps.streams(broker, "pause-while-processing", stateDir),
        PauseWhileProcessingIT::topology,
        STORE);
  }

  private static Topology topology() {
    Topology topology = new Topology();
    topology.addSource(
        "input", Serdes.String().deserializer(), Serdes.String().deserializer(), INPUT);
    topology.addProcessor("write", SlowWriter::new, "input");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String()),
        "write");
    return topology;
  }

  /** Writes each record to the store; a "slow" one only once the test releases it. */
  static final class SlowWriter implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value().equals("slow")) {
        entered.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      store.put(record.key(), record.value());
    }
  }
}
