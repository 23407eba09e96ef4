package io.datadock.local;

import static io.datadock.local.SecretApiIT.errorOf;
import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.CatalogEventType;
import io.datadock.schemas.catalog.DatasetColumn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog end to end: depots activated through HTTP, scanned by the catalog scanner against a
 * real PostgreSQL, the embedded broker and a directory, read back through the gateway and from
 * {@code catalog.events}.
 */
class CatalogIT {

  private static final String PASSWORD = "catalog-pg-pw";

  @TempDir static Path pgDir;
  static TestPostgres postgres;
  static TopicRecorder<CatalogEvent> catalogEvents;

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;

  @BeforeAll
  static void start() {
    // Periodic rescans on, every few seconds, so that one test can see them happen.
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir).withRescanInterval(Duration.ofSeconds(3)));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    postgres = TestPostgres.start(pgDir, PASSWORD);
    inOrders(
        "CREATE SCHEMA IF NOT EXISTS sales", "GRANT USAGE ON SCHEMA sales TO " + TestPostgres.USER);
    catalogEvents =
        new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.CATALOG_EVENTS);
    api.applyYaml(DepotIT.secret("pg-cred", TestPostgres.USER, PASSWORD), "");
  }

  @AfterAll
  static void stop() throws Exception {
    if (catalogEvents != null) {
      catalogEvents.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  private static void inOrders(String... sql) {
    postgres.sqlIn(TestPostgres.DATABASE, sql);
  }

  private static JsonObject tree(String depot) {
    Api.Response response = api.get("/api/v1/datasets?depot=" + depot);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static List<String> udls(String depot) {
    return tree(depot).getJsonArray("collections").stream()
        .map(JsonObject.class::cast)
        .flatMap(c -> c.getJsonArray("datasets").stream().map(JsonObject.class::cast))
        .map(d -> d.getString("udl"))
        .toList();
  }

  private static Api.Response dataset(String udl) {
    return api.get("/api/v1/datasets/" + URLEncoder.encode(udl, StandardCharsets.UTF_8));
  }

  private static List<CatalogEvent> eventsOf(String tenantUdl) {
    return catalogEvents.valuesOf(tenantUdl);
  }

  @Test
  void aPostgresDepotBecomesBrowsableKeepsFreshAndGoesAwayWithItsDepot() {
    inOrders(
        "CREATE TABLE sales.orders (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL, note text)",
        "CREATE TABLE sales.customers (id int PRIMARY KEY, name varchar(80))",
        "CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE amount > 100",
        "COMMENT ON TABLE sales.orders IS 'one row per order'",
        "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO " + TestPostgres.USER);

    JsonObject applied =
        firstResult(
            api.applyYaml(
                DepotIT.postgresDepot("pgcat", postgres.port(), "default:pg-cred"), "?wait=true"));
    assertThat(applied.getString("status")).isEqualTo("active");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(udls("pgcat"))
                    .contains(
                        "dataos://pgcat/sales/orders",
                        "dataos://pgcat/sales/customers",
                        "dataos://pgcat/sales/big_orders"));
    JsonObject orders = new JsonObject(dataset("dataos://pgcat/sales/orders").body());
    assertThat(orders.getString("kind")).isEqualTo("table");
    assertThat(orders.getJsonArray("primaryKey").getList()).containsExactly("id");
    assertThat(orders.getString("description")).isEqualTo("one row per order");
    JsonArray columns = orders.getJsonArray("columns");
    assertThat(columns.getJsonObject(0).getString("name")).isEqualTo("id");
    assertThat(columns.getJsonObject(1).getBoolean("nullable")).isFalse();
    assertThat(columns.getJsonObject(2).getString("name")).isEqualTo("note");
    // the v1 form addresses the same dataset
    assertThat(new JsonObject(dataset("dataos://pgcat:sales/orders").body()).getString("udl"))
        .isEqualTo("dataos://pgcat/sales/orders");
    assertThat(new JsonObject(dataset("dataos://pgcat/sales/big_orders").body()).getString("kind"))
        .isEqualTo("view");

    // alter a table and drop another, then rescan on demand
    inOrders("ALTER TABLE sales.orders ADD COLUMN shipped boolean", "DROP TABLE sales.customers");
    Api.Response requested =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/depots/pgcat/scan"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(eventsOf("default/dataos://pgcat/sales/orders"))
                    .extracting(CatalogEvent::getType)
                    .contains(CatalogEventType.DATASET_SCHEMA_CHANGED));
    CatalogEvent changed =
        eventsOf("default/dataos://pgcat/sales/orders").stream()
            .filter(e -> e.getType() == CatalogEventType.DATASET_SCHEMA_CHANGED)
            .findFirst()
            .orElseThrow();
    assertThat(changed.getColumnsAdded())
        .extracting(DatasetColumn::getName)
        .containsExactly("shipped");
    assertThat(changed.getColumnsRemoved()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(udls("pgcat")).doesNotContain("dataos://pgcat/sales/customers"));
    assertThat(eventsOf("default/dataos://pgcat/sales/customers"))
        .extracting(CatalogEvent::getType)
        .containsSubsequence(CatalogEventType.DATASET_CREATED, CatalogEventType.DATASET_REMOVED);

    JsonObject removing =
        new JsonObject(api.get("/api/v1/depots/pgcat/scans").body())
            .getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(r -> r.getInteger("removed") == 1)
                .findFirst()
                .orElseThrow();
    assertThat(removing.getString("status")).isEqualTo("finished");
    assertThat(removing.getString("trigger")).isIn("requested", "periodic");

    // deleting the depot removes its datasets
    assertThat(api.delete("/api/v1/resources/depot/pgcat").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(dataset("dataos://pgcat/sales/orders").status()).isEqualTo(404));
  }

  @Test
  void theScanBlockFiltersWhatIsCataloged() {
    inOrders(
        "CREATE SCHEMA IF NOT EXISTS staging",
        "GRANT USAGE ON SCHEMA staging TO " + TestPostgres.USER,
        "CREATE TABLE staging.raw_events (id int)",
        "CREATE TABLE staging.raw_events_bak (id int)",
        "CREATE TABLE sales.products (sku text PRIMARY KEY)",
        "GRANT SELECT ON ALL TABLES IN SCHEMA staging, sales TO " + TestPostgres.USER);
    String depot =
        DepotIT.postgresDepot("pgfilter", postgres.port(), "default:pg-cred")
            + "scan:\n  collections: {include: [staging]}\n  datasets: {exclude: [\".*_bak\"]}\n";

    assertThat(firstResult(api.applyYaml(depot, "?wait=true")).getString("status"))
        .isEqualTo("active");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(udls("pgfilter"))
                    .containsExactly("dataos://pgfilter/staging/raw_events"));
  }

  @Test
  void kafkaTopicsAreDatasetsOfCollectionDefault(@TempDir Path brokerDir) throws Exception {
    // a source broker of its own: the platform's broker is not a source
    EmbeddedKafkaBroker source = EmbeddedKafkaBroker.start(brokerDir, 0);
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("orders.events", 4, (short) 1))).all().get();
    }
    api.applyYaml(
        "name: kafka-scan-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n"
            + "  data: {security_protocol: PLAINTEXT}\n",
        "");
    String depot =
        """
        name: events-cat
        version: v2alpha
        type: depot
        spec:
          type: kafka
          spec: {brokers: ["%s"]}
          secrets: [{id: "default:kafka-scan-cred", purpose: scan}]
        """
            .formatted(source.bootstrapServers());
    try {
      assertThat(firstResult(api.applyYaml(depot, "?wait=true")).getString("status"))
          .isEqualTo("active");

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(udls("events-cat"))
                      .contains("dataos://events-cat/default/orders.events"));
      JsonObject topic =
          new JsonObject(dataset("dataos://events-cat/default/orders.events").body());
      assertThat(topic.getString("kind")).isEqualTo("topic");
      assertThat(topic.getJsonObject("properties").getString("partitions")).isEqualTo("4");
    } finally {
      api.delete("/api/v1/resources/depot/events-cat");
      source.close();
    }
  }

  @Test
  void filesAreDatasetsWithColumnsFromTheirHeaders() throws Exception {
    // inside the platform's default file root, <data dir>/files
    Path dir = Files.createDirectories(dataDir.resolve("files").resolve("files-cat"));
    Files.createDirectories(dir.resolve("exports"));
    Files.writeString(dir.resolve("exports/orders.csv"), "id,amount,currency\n1,10,EUR\n");
    applyActiveFileDepot("files-cat", dir);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(udls("files-cat")).contains("dataos://files-cat/exports/orders.csv"));
    JsonObject csv = new JsonObject(dataset("dataos://files-cat/exports/orders.csv").body());
    assertThat(csv.getJsonArray("columns").stream().map(c -> ((JsonObject) c).getString("name")))
        .containsExactly("id", "amount", "currency");
  }

  @Test
  void aScanThatFailsPartWayRemovesNothingAndPeriodicRescansCatchUp() throws Exception {
    Path dir = Files.createDirectories(dataDir.resolve("files").resolve("partial"));
    Files.writeString(dir.resolve("a.csv"), "id\n1\n");
    Files.writeString(dir.resolve("b.csv"), "id\n2\n");
    applyActiveFileDepot("partial", dir);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(udls("partial"))
                    .contains("dataos://partial/none/a.csv", "dataos://partial/none/b.csv"));

    // b.csv goes away, but a broken file makes the next scans partial: b.csv must stay
    Files.delete(dir.resolve("b.csv"));
    Files.writeString(dir.resolve("broken.json"), "{not json");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(runs("partial")).anyMatch(r -> "partial".equals(r.getString("status"))));
    assertThat(udls("partial")).contains("dataos://partial/none/b.csv");
    JsonObject partialRun =
        runs("partial").stream()
            .filter(r -> "partial".equals(r.getString("status")))
            .findFirst()
            .orElseThrow();
    assertThat(partialRun.getString("trigger")).isEqualTo("periodic");
    assertThat(partialRun.getInteger("removed")).isZero();
    assertThat(partialRun.getJsonArray("errors").encode()).contains("broken.json");

    // once the source reads cleanly again, the next periodic scan removes it
    Files.delete(dir.resolve("broken.json"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(udls("partial")).containsExactly("dataos://partial/none/a.csv"));
  }

  @Test
  void aBacktrackingScanPatternCannotHoldTheScanner() throws Exception {
    // Names a source's owner controls, against a pattern that backtracks exponentially on
    // java.util.regex (2^100 ways to split 100 a's): RE2 matches it in linear time.
    Path dir = Files.createDirectories(dataDir.resolve("files").resolve("redos"));
    String hostile = "a".repeat(100) + "b";
    Files.writeString(dir.resolve(hostile + ".csv"), "id\n1\n");
    Files.writeString(dir.resolve("orders.csv"), "id\n1\n");
    applyActiveFileDepot("redos", dir, "scan:\n  datasets: {exclude: [\"(a|aa)+\"]}\n");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(udls("redos"))
                    .containsExactlyInAnyOrder(
                        "dataos://redos/none/orders.csv",
                        "dataos://redos/none/" + hostile + ".csv"));
  }

  /** A file depot over {@code dir} (under the platform's file root), applied until active. */
  private static void applyActiveFileDepot(String name, Path dir, String... extra) {
    String depot =
        """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s"}
        """
                .formatted(name, dir.toAbsolutePath())
            + String.join("", extra);
    assertThat(firstResult(api.applyYaml(depot, "?wait=true")).getString("status"))
        .isEqualTo("active");
  }

  private static List<JsonObject> runs(String depot) {
    return new JsonObject(api.get("/api/v1/depots/" + depot + "/scans").body())
        .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void badAddressesAndUnknownDepotsAreClearErrors() {
    Api.Response malformed = dataset("dataos:////x");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(errorOf(malformed).getString("field")).isEqualTo("udl");
    assertThat(errorOf(malformed).getString("message")).contains("names no depot");

    Api.Response unknown = dataset("dataos://nosuchdepot/public/orders");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(errorOf(unknown).getString("message")).isEqualTo("depot 'nosuchdepot' not found");

    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(400);
    assertThat(
            api.send(
                    HttpRequest.newBuilder(api.uri("/api/v1/depots/nosuchdepot/scan"))
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(404);
  }
}
