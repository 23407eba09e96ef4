package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downstream consumer of the consumer guide (docs/consumers.md, "A consumer on the JVM"), run
 * as written there (only where it connects, how long it runs and where it prints differ), receives
 * a DepotActivated event when a depot is applied.
 */
class ReadmeConsumerExampleIT {

  @TempDir Path dataDir;

  @Test
  void theReadmeConsumerIsToldWhenADepotBecomesActive() throws Exception {
    // the platform's default file root, <data dir>/files
    Path files = Files.createDirectories(dataDir.resolve("platform").resolve("files"));
    try (Platform platform = RunningPlatform.start(dataDir.resolve("platform"))) {
      StringWriter printed = new StringWriter();
      AtomicBoolean running = new AtomicBoolean(true);
      Path readerProperties = platform.readerProperties();
      Thread consumer =
          new Thread(
              () -> {
                try {
                  readmeExample(readerProperties, running, new PrintWriter(printed, true));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      consumer.start();
      try {
        Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
        Api.Response applied =
            api.applyYaml(
                "name: readme-files\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n"
                    + "  spec: {path: \""
                    + files.toAbsolutePath()
                    + "\"}\n",
                "?wait=true");
        assertThat(applied.body()).contains("\"active\"");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> printed.toString().contains("default/readme-files is active: {"));
        assertThat(printed.toString()).contains(files.toAbsolutePath().toString());
      } finally {
        running.set(false);
        consumer.join(10_000);
      }
    }
  }

  @Test
  void theExampleHereIsTheOneInTheConsumerGuide() throws Exception {
    String guide = Files.readString(Path.of("..", "docs", "consumers.md"));
    int section = guide.indexOf("## A consumer on the JVM");
    assertThat(section).isNotNegative();
    int start = guide.indexOf("```java\n", section) + "```java\n".length();
    String inGuide = guide.substring(start, guide.indexOf("```", start));
    String source =
        Files.readString(Path.of("src/test/java/io/datadock/local/ReadmeConsumerExampleIT.java"));
    String here =
        source.substring(
            source.indexOf("// GUIDE:begin\n") + "// GUIDE:begin\n".length(),
            source.lastIndexOf("// GUIDE:end"));
    assertThat(normalized(here))
        .isEqualTo(
            normalized(
                inGuide
                    .replace("Path.of(\"reader.properties\")", "readerProperties")
                    .replace("while (true)", "while (running.get())")
                    .replace("System.out", "out")));
  }

  /** Without whitespace: the formatter breaks lines here that the guide keeps whole. */
  private static String normalized(String code) {
    return code.replaceAll("\\s+", "");
  }

  private static void readmeExample(Path readerProperties, AtomicBoolean running, PrintWriter out)
      throws IOException {
    // GUIDE:begin
    Properties config = new Properties();
    try (var in = Files.newInputStream(readerProperties)) {
      config.load(in); // bootstrap.servers and the read-only principal's SASL settings
    }
    config.put("group.id", "datadock.reader.my-service");
    config.put("isolation.level", "read_committed");
    config.put("auto.offset.reset", "earliest");
    try (var consumer =
        new KafkaConsumer<>(
            config,
            Topics.DEPOT_EVENTS.keySerde().deserializer(),
            Topics.DEPOT_EVENTS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.DEPOT_EVENTS.name(Topics.DEFAULT_PREFIX)));
      while (running.get()) {
        for (var record : consumer.poll(Duration.ofSeconds(1))) {
          DepotEvent e = record.value();
          if (e.getType() == DepotEventType.DEPOT_ACTIVATED) {
            out.println(e.getTenant() + "/" + e.getName() + " is active: " + e.getConnection());
          }
        }
      }
    }
    // GUIDE:end
  }
}
