package io.datadock.connectors.scan.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KafkaScanner} against the embedded KRaft broker. */
class KafkaScanIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private final KafkaScanner scanner = new KafkaScanner();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir, 0);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin
          .createTopics(
              Set.of(
                  new NewTopic("orders", 3, (short) 1),
                  new NewTopic("audit", 1, (short) 1),
                  new NewTopic("__hidden", 1, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyTopicIsADatasetWithItsPartitionCount() {
    ScanResult result = scan(broker.bootstrapServers(), ScanFilter.all());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets()).containsExactly(topic("audit", 1), topic("orders", 3));
  }

  @Test
  void theFilterApplies() {
    ScanResult result =
        scan(
            broker.bootstrapServers(),
            ScanFilter.fromJson("{\"datasets\": {\"exclude\": [\"aud.*\"]}}"));

    assertThat(result.datasets()).extracting(DatasetMeta::name).containsExactly("orders");
    assertThat(
            scan(
                    broker.bootstrapServers(),
                    ScanFilter.fromJson("{\"collections\": {\"include\": [\"other\"]}}"))
                .datasets())
        .isEmpty();
  }

  @Test
  void anUnusedPortIsAFailure() {
    int unused = FreePorts.pick();
    ScanResult result = scan("127.0.0.1:" + unused, ScanFilter.all());

    assertThat(result)
        .isEqualTo(ScanResult.failure("cannot reach 127.0.0.1:" + unused + ": connection refused"));
  }

  private static DatasetMeta topic(String name, int partitions) {
    return new DatasetMeta(
        "default",
        name,
        DatasetKind.TOPIC,
        List.of(),
        List.of(),
        null,
        null,
        Map.of("partitions", String.valueOf(partitions), "replication_factor", "1"));
  }

  private ScanResult scan(String brokers, ScanFilter filter) {
    return scanner.scan(
        new SourceConnection("kafka", Map.of("brokers", brokers)),
        Credentials.none(),
        filter,
        TIMEOUT,
        TestEgress.local());
  }
}
