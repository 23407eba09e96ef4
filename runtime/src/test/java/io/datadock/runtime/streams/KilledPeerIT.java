package io.datadock.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of a Kafka Streams app with a 45 s session, each naming an endpoint of its own. One
 * is killed: its endpoint stops listening and its Streams app stops without leaving the group, as a
 * {@code kill -9} leaves it. The survivor holds every partition long before the session could have
 * moved them.
 */
class KilledPeerIT {

  private static final String APP = "killed-peer-app";
  private static final String TOPIC = "killed-peer.in";
  private static final int PARTITIONS = 4;
  private static final Duration SESSION = Duration.ofSeconds(45);

  @TempDir static Path dir;
  static EmbeddedKafkaBroker broker;
  static KafkaConnection kafka;

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), 0);
    kafka = KafkaConnection.plain(broker.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void theSurvivorTakesAKilledInstancesPartitionsBeforeItsSessionEnds() throws Exception {
    try (Endpoint survivorEndpoint = new Endpoint();
        Endpoint killedEndpoint = new Endpoint();
        StreamsApp survivor = app("survivor", survivorEndpoint);
        StreamsApp killed = app("killed", killedEndpoint)) {
      survivor.start();
      killed.start();
      survivor.fenceDeadPeers(kafka, SESSION);
      killed.fenceDeadPeers(kafka, SESSION);
      await("both instances processing")
          .atMost(Duration.ofSeconds(60))
          .until(() -> activePartitions(survivor) > 0 && activePartitions(killed) > 0);
      int knocksBefore = killedEndpoint.accepted();
      await("the survivor knocking on its peer's endpoint")
          .atMost(SESSION)
          .until(() -> killedEndpoint.accepted() > knocksBefore);

      killedEndpoint.close();
      killed.close(); // a static member's close does not leave the group: as a kill, to the group
      long killedAt = System.nanoTime();

      await("the survivor holding every partition")
          .atMost(SESSION.dividedBy(2))
          .until(() -> activePartitions(survivor) == PARTITIONS);
      Duration takeOver = Duration.ofNanos(System.nanoTime() - killedAt);
      System.out.printf(
          "KilledPeerIT: every partition on the survivor %d ms after the kill (session %d ms)%n",
          takeOver.toMillis(), SESSION.toMillis());
      assertThat(takeOver).isLessThan(SESSION);
    }
  }

  private static StreamsApp app(String instance, Endpoint endpoint) {
    Properties props =
        StreamsSettings.exactlyOnce(APP, instance, kafka, dir.resolve(instance), 100, 1, SESSION);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + endpoint.port());
    return new StreamsApp(
        instance,
        boundary -> {
          StreamsBuilder builder = new StreamsBuilder();
          builder.stream(TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
              .foreach((k, v) -> {});
          return builder.build();
        },
        props,
        new SimpleMeterRegistry(),
        streams -> Map.of());
  }

  private static int activePartitions(StreamsApp app) {
    KafkaStreams streams = app.streams();
    if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
      return 0;
    }
    int partitions = 0;
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        partitions += task.topicPartitions().size();
      }
    }
    return partitions;
  }

  /** A listening port that accepts and closes every connection, counting them. */
  private static final class Endpoint implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    Endpoint() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket connection = socket.accept()) {
                    accepted.incrementAndGet();
                  } catch (IOException e) {
                    return; // closed
                  }
                }
              },
              "endpoint-" + socket.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
