package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestAzurite;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestS3Server;
import io.datadock.connectors.TestTables;
import io.datadock.runtime.config.Setting;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object store depots end to end, on one platform: an S3 depot against a real S3 server on loopback
 * (S3Proxy) and an abfss depot against Azurite (skipped when Azurite is not installed, unless
 * required). Each is checked live through its SDK (a wrong key is {@code error} at {@code
 * authenticate}), then scanned into the catalog: plain CSV, JSON and Parquet files by folder, a
 * partitioned folder as one dataset, Delta and Iceberg tables. A depot with an operator's budget
 * below its object count is scanned partially, showing its progress while it lists.
 */
class ObjectStoreDepotIT {

  /** The operator's budget of depot {@code biglake} alone (every other keeps 100,000). */
  static final int BIGLAKE_BUDGET = 2_500;

  @TempDir static Path dataDir;
  @TempDir static Path azuriteDir;
  static Platform platform;
  static Api api;
  static DepotCatalog catalog;
  static TestS3Server s3;
  static TestAzurite azurite;

  @BeforeAll
  static void start() throws Exception {
    s3 = TestS3Server.start();
    s3.createBucket("lake");
    putLake((key, bytes) -> s3.put("lake", key, bytes));
    s3.put("lake", "raw/web/clicks.csv", text("ts,user_id,url\n1,7,/home\n"));
    s3.put("lake", "raw/web/events.json", text("{\"id\":1,\"kind\":\"view\"}\n"));
    s3.put("lake", "raw/sales/_SUCCESS", new byte[0]);
    s3.put(
        "lake",
        "raw/iceberg/events/metadata/v1.metadata.json",
        TestTables.icebergMetadata(
            List.of("id long true", "ts timestamptz false"), "ts_day", "day", 42));
    s3.put("lake", "raw/iceberg/events/data/00000-0.parquet", TestParquet.ordersFile());
    s3.put("lake", "elsewhere/ignored.csv", text("a\n"));
    azurite = TestAzurite.startIfInstalled(azuriteDir);
    if (azurite != null) {
      azurite.createContainer("lake");
      putLake((key, bytes) -> azurite.put("lake", key, bytes));
    }
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir)
                .with(Setting.DATADOCK_SCAN_OBJECT_BUDGETS, "default/biglake=" + BIGLAKE_BUDGET));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    catalog = new DepotCatalog(api);
  }

  /** Under {@code raw/}: a Parquet file, a partitioned folder and a Delta table. */
  private static void putLake(BiConsumer<String, byte[]> put) throws Exception {
    put.accept("raw/orders.parquet", TestParquet.ordersFile());
    put.accept("raw/sales/date=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    put.accept("raw/sales/date=2026-01-02/part-0.parquet", TestParquet.ordersFile());
    put.accept(
        "raw/delta/orders/_delta_log/00000000000000000000.json",
        TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
    put.accept("raw/delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (s3 != null) {
      s3.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void anS3DepotIsCheckedLiveAndItsPrefixBecomesACatalogTree() {
    JsonObject depot =
        apply(s3Keys("s3-cred", TestS3Server.SECRET_KEY), s3Depot("lake", "s3-cred"), "active");

    assertCheckedLive(depot, TestS3Server.SECRET_KEY);
    catalog.awaitDatasets(
        "lake",
        "dataos://lake/none/orders.parquet",
        "dataos://lake/none/sales",
        "dataos://lake/delta/orders",
        "dataos://lake/iceberg/events",
        "dataos://lake/web/clicks.csv",
        "dataos://lake/web/events.json");
    assertLakeSchemas("lake");
    assertThat(catalog.columns("dataos://lake/web/clicks.csv"))
        .containsExactly("ts", "user_id", "url");
    assertThat(catalog.columns("dataos://lake/web/events.json")).containsExactly("id", "kind");
    assertThat(catalog.columns("dataos://lake/iceberg/events")).containsExactly("id", "ts");
    assertThat(catalog.dataset("dataos://lake/iceberg/events").encode())
        .contains("iceberg")
        .contains("ts_day (day)");
  }

  @Test
  void aWrongS3SecretKeyIsAnErrorAtAuthenticate() {
    String wrong = "not-the-secret-key-0000";

    JsonObject depot = apply(s3Keys("s3-wrong", wrong), s3Depot("badlake", "s3-wrong"), "error");

    assertRefusedAtAuthenticate(depot, "the secret key does not match the access key id", wrong);
  }

  @Test
  void anAbfssDepotIsCheckedLiveAndItsPrefixBecomesACatalogTree() {
    TestAzurite.assumeRunning(azurite);

    JsonObject depot =
        apply(
            accountKey("azure-cred", TestAzurite.KEY),
            abfssDepot("azlake", "azure-cred"),
            "active");

    assertCheckedLive(depot, TestAzurite.KEY);
    catalog.awaitDatasets(
        "azlake",
        "dataos://azlake/none/orders.parquet",
        "dataos://azlake/none/sales",
        "dataos://azlake/delta/orders");
    assertLakeSchemas("azlake");
  }

  @Test
  void aWrongAccountKeyIsAnErrorAtAuthenticate() {
    TestAzurite.assumeRunning(azurite);
    byte[] bytes = new byte[64];
    new SecureRandom().nextBytes(bytes);
    String wrong = Base64.getEncoder().encodeToString(bytes);

    JsonObject depot =
        apply(accountKey("azure-wrong", wrong), abfssDepot("badazlake", "azure-wrong"), "error");

    assertRefusedAtAuthenticate(depot, "the account key does not match account", wrong);
  }

  @Test
  void aDepotsOwnBudgetBelowItsObjectsIsAPartialScanShowingProgressAndRemovingNothing() {
    s3.createBucket("big");
    s3.put("big", "raw/a.csv", text("id\n1\n"));
    s3.put("big", "raw/zz.csv", text("id\n2\n"));
    apply(s3Keys("s3-big", TestS3Server.SECRET_KEY), s3Depot("biglake", "big", "s3-big"), "active");
    catalog.awaitDatasets("biglake", "dataos://biglake/none/a.csv", "dataos://biglake/none/zz.csv");
    // 3,000 objects between them, more than the depot's budget; zz.csv is gone from the bucket
    for (int day = 0; day < 3_000; day++) {
      s3.putDirect("big", String.format("raw/m/day=%04d/part-0.csv", day), text("id\n3\n"));
    }
    s3.client().deleteObject(b -> b.bucket("big").key("raw/zz.csv"));
    TestS3Server.ListingHold hold = s3.holdListingsAfter("big", 1);

    Api.Response requested =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/depots/biglake/scan"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);

    // the listing is held after its first page: the run shows it, still running
    JsonObject running =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> run("biglake", "started").filter(r -> r.getValue("objectsListed") != null),
                Optional::isPresent)
            .orElseThrow();
    assertThat(running.getLong("objectsListed")).isEqualTo(1_000L);
    hold.release();

    JsonObject partial =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> run("biglake", "partial"), Optional::isPresent)
            .orElseThrow();
    assertThat(partial.getString("scanId")).isEqualTo(running.getString("scanId"));
    assertThat(partial.getLong("objectsListed")).isEqualTo((long) BIGLAKE_BUDGET);
    assertThat(partial.getInteger("removed")).isZero();
    assertThat(partial.getJsonArray("errors").encode())
        .contains("listing stopped at the object budget of " + BIGLAKE_BUDGET + " objects");
    assertThat(catalog.udls("biglake"))
        .containsExactlyInAnyOrder(
            "dataos://biglake/none/a.csv",
            "dataos://biglake/none/m",
            "dataos://biglake/none/zz.csv");
  }

  /** The depot's latest run of the requested scan when it has {@code status}. */
  private static Optional<JsonObject> run(String depot, String status) {
    return new JsonObject(api.get("/api/v1/depots/" + depot + "/scans").body())
        .getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("trigger").equals("requested"))
            .findFirst()
            .filter(r -> r.getString("status").equals(status));
  }

  /** Applies the secret, then the depot (waiting for its check): the depot as the API shows it. */
  private static JsonObject apply(String secret, String depot, String status) {
    api.applyYaml(secret, "");
    JsonObject applied = firstResult(api.applyYaml(depot, "?wait=true"));
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo(status);
    return catalog.depot(applied.getString("name"));
  }

  private static void assertCheckedLive(JsonObject depot, String key) {
    assertThat(catalog.steps(depot))
        .containsSubsequence(
            "authenticate passed", "open bucket passed", "list collections passed");
    assertThat(depot.encode()).doesNotContain(key);
  }

  private static void assertRefusedAtAuthenticate(JsonObject depot, String message, String key) {
    assertThat(catalog.steps(depot)).contains("authenticate failed");
    assertThat(depot.encode()).contains(message).doesNotContain(key);
  }

  /** What {@link #putLake} wrote, as the catalog shows it. */
  private static void assertLakeSchemas(String depot) {
    String none = "dataos://" + depot + "/none/";
    assertThat(catalog.columns(none + "orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    assertThat(catalog.dataset(none + "sales").getString("kind")).isEqualTo("table");
    assertThat(catalog.columns(none + "sales"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(catalog.columns("dataos://" + depot + "/delta/orders")).containsExactly("id", "day");
  }

  private static String s3Keys(String name, String secretKey) {
    return secret(name, "accesskeyid: " + TestS3Server.ACCESS_KEY, "secretkey: " + secretKey);
  }

  private static String accountKey(String name, String key) {
    return secret(
        name,
        "azurestorageaccountname: " + TestAzurite.ACCOUNT,
        "azurestorageaccountkey: \"" + key + "\"");
  }

  private static String secret(String name, String... data) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data:
            %s
        """
        .formatted(name, String.join("\n    ", data));
  }

  private static String s3Depot(String name, String secret) {
    return s3Depot(name, "lake", secret);
  }

  private static String s3Depot(String name, String bucket, String secret) {
    return depot(
        name,
        "S3",
        "{bucket: " + bucket + ", relativePath: raw, endpoint: \"" + s3.endpoint() + "\"}",
        secret);
  }

  private static String abfssDepot(String name, String secret) {
    return depot(
        name,
        "ABFSS",
        "{account: %s, container: lake, relativePath: raw, endpoint: \"%s\"}"
            .formatted(TestAzurite.ACCOUNT, azurite.endpoint()),
        secret);
  }

  private static String depot(String name, String type, String spec, String secret) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: %s
          spec: %s
          secrets:
            - {id: "default:%s", purpose: rw}
        """
        .formatted(name, type, spec, secret);
  }

  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
