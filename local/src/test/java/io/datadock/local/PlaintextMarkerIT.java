package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies, updates and deletes secrets whose values are unique markers, then looks for the markers
 * everywhere they must never be: every record of every topic (raw bytes, keys, values, headers,
 * uncommitted data too), every file of the data directory (broker logs, state stores, keys), the
 * log output and every API response.
 */
class PlaintextMarkerIT {

  @TempDir Path dataDir;
  @TempDir Path sourceDir;

  @Test
  void noSecretValueAppearsInAnyTopicFileLogOrResponse() throws Exception {
    List<String> markers = new ArrayList<>();
    // the kafka depot's source: a broker of its own (the platform's broker is not a source)
    try (EmbeddedKafkaBroker source = EmbeddedKafkaBroker.start(sourceDir, 0);
        Platform platform = RunningPlatform.start(dataDir)) {
      Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      for (int i = 0; i < 5; i++) {
        String password = marker(markers);
        String user = marker(markers);
        String file = marker(markers);
        String yaml =
            """
            name: marker-%d
            version: v2alpha
            type: secret
            secret:
              type: key-value
              data:
                username: %s
                password: %s
              files:
                key.json: %s
            """
                .formatted(
                    i,
                    user,
                    password,
                    Base64.getEncoder().encodeToString(file.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.applyYaml(yaml, "").status()).isEqualTo(200);
        assertThat(api.applyYaml(yaml, "").status()).isEqualTo(200); // unchanged path
        assertThat(api.applyYaml(yaml.replace(password, marker(markers)), "").status())
            .isEqualTo(200);
      }
      // the other kinds: a v1 instance secret and a v1 workspace secret
      assertThat(
              api.applyYaml(
                      "name: marker-instance\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value-properties\n  acl: rw\n  data:\n    password: "
                          + marker(markers)
                          + "\n",
                      "")
                  .status())
          .isEqualTo(200);
      assertThat(
              api.applyYaml(
                      "name: marker-ws\nversion: v1\ntype: secret\nsecret:\n  type: cloud-kernel-image-pull\n  data:\n    token: "
                          + marker(markers)
                          + "\n",
                      "?workspace=sandbox")
                  .status())
          .isEqualTo(200);
      // rejected commands and bad input carry values too
      api.applyYaml(
          "name: Bad\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n    password: "
              + marker(markers)
              + "\n",
          "");
      api.get("/api/v1/resources?type=secret&all=true");
      api.get("/api/v1/resources/secret/marker-1");
      // the resolution path: its answer holds plaintext by design, its audit record and logs must
      // not
      Api.Response resolved =
          new Resolver(platform)
              .resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/marker-1", "rw");
      assertThat(resolved.status()).isEqualTo(200);
      assertThat(markers.stream().anyMatch(resolved.body()::contains)).isTrue();
      // depots: their checks resolve the marker credentials and try them on real servers
      assertThat(
              api.applyYaml(
                      "name: marker-kafka\nversion: v2alpha\ntype: depot\nspec:\n  type: kafka\n"
                          + "  spec: {brokers: [\""
                          + source.bootstrapServers()
                          + "\"]}\n  secrets: [{id: \"default:marker-1\", purpose: rw}]\n",
                      "?wait=true")
                  .status())
          .isEqualTo(200);
      assertThat(
              api.applyYaml(
                      "name: marker-pg\nversion: v2alpha\ntype: depot\nspec:\n  type: postgres\n"
                          + "  spec: {host: localhost, port: "
                          + io.datadock.runtime.kafka.FreePorts.pick()
                          + ", database: d}\n  secrets: [{id: \"default:marker-2\", purpose: rw}]\n",
                      "?wait=true")
                  .status())
          .isEqualTo(200);
      api.get("/api/v1/resources/depot/marker-kafka");
      api.get("/api/v1/resources/depot/marker-pg");
      assertThat(api.delete("/api/v1/resources/depot/marker-pg").status()).isEqualTo(200);
      assertThat(api.delete("/api/v1/resources/secret/marker-0").status()).isEqualTo(200);

      List<byte[]> records = readEveryTopic(platform.kafka(KafkaPrincipal.OPERATOR));
      assertThat(records).hasSizeGreaterThan(20);
      for (byte[] bytes : records) {
        assertNoMarker(new String(bytes, StandardCharsets.ISO_8859_1), markers, "a topic record");
      }
      for (String body : api.seenBodies()) {
        assertNoMarker(body, markers, "an API response");
      }
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertNoMarker(
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
            markers,
            file.toString());
      }
    }
    Path log = Path.of(System.getProperty("datadock.it.log", "target/it-logs/datadock-it.log"));
    assertThat(log).exists();
    assertNoMarker(Files.readString(log, StandardCharsets.ISO_8859_1), markers, "the log");
  }

  private static String marker(List<String> markers) {
    String m = "MARKER" + UUID.randomUUID().toString().replace("-", "");
    markers.add(m);
    return m;
  }

  private static void assertNoMarker(String haystack, List<String> markers, String where) {
    for (String m : markers) {
      assertThat(haystack.contains(m)).as("secret marker found in " + where).isFalse();
    }
  }

  /** Every key, value and header of every topic, internal ones included, read uncommitted. */
  private static List<byte[]> readEveryTopic(KafkaConnection kafka) throws Exception {
    Set<String> topics;
    try (Admin admin = Admin.create(KafkaSettings.admin(kafka))) {
      topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    }
    Map<String, Object> config = KafkaSettings.admin(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    List<byte[]> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  if (r.key() != null) {
                    out.add(r.key());
                  }
                  if (r.value() != null) {
                    out.add(r.value());
                  }
                  for (Header h : r.headers()) {
                    out.add(h.value() == null ? new byte[0] : h.value());
                  }
                }
                return ends.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
              });
    }
    return out;
  }
}
