package io.datadock.bench;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.family.SourceFamilies;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.core.manifest.depot.SourceType;
import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A large source through the catalog: N tables of 10 columns in PostgreSQL, then the time from the
 * depot's DepotActivated record to the last of its dataset records on {@code catalog.datasets}
 * (both broker timestamps). Baseline in the same run: the connector's metadata scan alone (no
 * Kafka). Run with {@code java -cp bench/target/datadock-bench.jar
 * io.datadock.bench.CatalogScanBenchmark [--tables N]}.
 */
public final class CatalogScanBenchmark {

  private static final String TOKEN = "bench-token";
  private static final String PASSWORD = "bench-pg-pw";

  private CatalogScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = 10_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--tables")) {
        tables = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("datadock-catalog-bench-");
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(dir.resolve("pg").toFile())
            .setDataDirectory(dir.resolve("pg-data"))
            .start()) {
      long created = createTables(pg, tables);
      System.out.printf(Locale.ROOT, "created %d tables of 10 columns in %d ms%n", tables, created);

      // baseline: the connector's scan alone
      SourceConnection connection =
          new SourceConnection(
              "postgres",
              Map.of("host", "localhost", "port", pg.getPort(), "database", "postgres"));
      Credentials credentials =
          new Credentials(Map.of("username", "bench", "password", PASSWORD), Map.of());
      long scanStart = System.nanoTime();
      ScanResult raw =
          SourceFamilies.scanner(SourceType.POSTGRES)
              .orElseThrow()
              .scan(
                  connection,
                  credentials,
                  ScanFilter.all(),
                  Duration.ofMinutes(2),
                  new EgressSettings(EgressPolicy.Mode.LOCAL, List.of(), List.of(), List.of())
                      .egress(new PlatformEndpoints()));
      long scanMs = (System.nanoTime() - scanStart) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "connector scan alone: %d datasets in %d ms (complete=%s)%n",
          raw.datasets().size(),
          scanMs,
          raw.complete());

      try (Platform platform =
          Platform.start(PlatformOptions.defaults(dir.resolve("dd")).withAdminToken(TOKEN))) {
        platform.whenReady().get(90, TimeUnit.SECONDS);
        apply(platform, secret());
        apply(platform, depot(pg.getPort()));
        long[] window =
            awaitCatalog(platform.kafka(KafkaPrincipal.OPERATOR), raw.datasets().size());
        long endToEnd = window[1] - window[0];
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "catalog scan, embedded platform + PostgreSQL 17, %d cores, %d tables x 10 columns%n",
            Runtime.getRuntime().availableProcessors(),
            tables);
        System.out.printf(
            Locale.ROOT,
            "DepotActivated -> last dataset record: %d ms (target <= 10000 ms)%n",
            endToEnd);
        System.out.printf(
            Locale.ROOT,
            "connector scan alone (baseline):      %d ms; ratio %.2fx%n",
            scanMs,
            (double) endToEnd / Math.max(1, scanMs));
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long createTables(EmbeddedPostgres pg, int tables) throws Exception {
    long start = System.nanoTime();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE USER bench WITH PASSWORD '" + PASSWORD + "'");
      s.execute("CREATE SCHEMA bench AUTHORIZATION bench");
      c.setAutoCommit(false);
      for (int t = 0; t < tables; t++) {
        StringBuilder ddl =
            new StringBuilder("CREATE TABLE bench.t").append(t).append(" (id bigint PRIMARY KEY");
        for (int col = 1; col < 10; col++) {
          ddl.append(", c").append(col).append(col % 2 == 0 ? " text" : " integer");
        }
        s.addBatch(ddl.append(")").toString());
        if (t % 500 == 499) {
          s.executeBatch();
          c.commit(); // one transaction holding 10,000 tables' locks exhausts the lock table
        }
      }
      s.executeBatch();
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA bench TO bench");
      c.commit();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * @return the DepotActivated timestamp and the last dataset record's timestamp
   */
  private static long[] awaitCatalog(KafkaConnection kafka, int expected) {
    long activated = -1;
    long last = -1;
    int seen = 0;
    try (KafkaConsumer<String, DepotEvent> events =
            new KafkaConsumer<>(
                KafkaSettings.committedConsumer(kafka, "bench-events-" + System.nanoTime()),
                Topics.DEPOT_EVENTS.keySerde().deserializer(),
                Topics.DEPOT_EVENTS.valueSerde().deserializer());
        KafkaConsumer<String, Dataset> datasets =
            new KafkaConsumer<>(
                KafkaSettings.committedConsumer(kafka, "bench-datasets-" + System.nanoTime()),
                Topics.CATALOG_DATASETS.keySerde().deserializer(),
                Topics.CATALOG_DATASETS.valueSerde().deserializer())) {
      events.subscribe(List.of(Topics.DEPOT_EVENTS.name(Topics.DEFAULT_PREFIX)));
      datasets.subscribe(List.of(Topics.CATALOG_DATASETS.name(Topics.DEFAULT_PREFIX)));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while ((activated < 0 || seen < expected) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, DepotEvent> r : events.poll(Duration.ofMillis(50))) {
          if (r.value().getType() == DepotEventType.DEPOT_ACTIVATED) {
            activated = r.timestamp();
          }
        }
        for (ConsumerRecord<String, Dataset> r : datasets.poll(Duration.ofMillis(50))) {
          if (r.value() != null) {
            seen++;
            last = Math.max(last, r.timestamp());
          }
        }
      }
    }
    if (activated < 0 || seen < expected) {
      throw new IllegalStateException(
          "catalog incomplete: activated=" + activated + " datasets=" + seen + "/" + expected);
    }
    return new long[] {activated, last};
  }

  private static void apply(Platform platform, String yaml) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/resources?wait=true"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(yaml))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"status\":\"error\"")) {
      throw new IllegalStateException("apply failed: " + response.body());
    }
  }

  private static String secret() {
    return "name: pg-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n"
        + "  data: {username: bench, password: "
        + PASSWORD
        + "}\n";
  }

  private static String depot(int port) {
    return ("name: bigpg\nversion: v2alpha\ntype: depot\nspec:\n  type: postgres\n"
            + "  spec: {host: localhost, port: %d, database: postgres}\n"
            + "  secrets: [{id: \"default:pg-cred\", purpose: rw}]\n")
        .formatted(port);
  }
}
