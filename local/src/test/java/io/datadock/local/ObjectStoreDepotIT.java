package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestAzurite;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestS3Server;
import io.datadock.connectors.TestTables;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object store depots end to end, on one platform: an S3 depot against a real S3 server on loopback
 * (S3Proxy) and an abfss depot against Azurite (skipped when Azurite is not installed, unless
 * required). Each is checked live through its SDK (a wrong key is {@code error} at {@code
 * authenticate}), then scanned into the catalog: plain CSV, JSON and Parquet files by folder, a
 * partitioned folder as one dataset, Delta and Iceberg tables.
 */
class ObjectStoreDepotIT {

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
    s3.put("lake", "raw/orders.parquet", TestParquet.ordersFile());
    s3.put("lake", "raw/web/clicks.csv", text("ts,user_id,url\n1,7,/home\n"));
    s3.put("lake", "raw/web/events.json", text("{\"id\":1,\"kind\":\"view\"}\n"));
    s3.put("lake", "raw/sales/date=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    s3.put("lake", "raw/sales/date=2026-01-02/part-0.parquet", TestParquet.ordersFile());
    s3.put("lake", "raw/sales/_SUCCESS", new byte[0]);
    s3.put(
        "lake",
        "raw/delta/orders/_delta_log/00000000000000000000.json",
        TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
    s3.put("lake", "raw/delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
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
      azurite.put("lake", "raw/orders.parquet", TestParquet.ordersFile());
      azurite.put("lake", "raw/sales/date=2026-01-01/part-0.parquet", TestParquet.ordersFile());
      azurite.put("lake", "raw/sales/date=2026-01-02/part-0.parquet", TestParquet.ordersFile());
      azurite.put(
          "lake",
          "raw/delta/orders/_delta_log/00000000000000000000.json",
          TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
      azurite.put(
          "lake", "raw/delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    }
    platform = RunningPlatform.start(dataDir);
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    catalog = new DepotCatalog(api);
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
    api.applyYaml(keys("s3-cred", TestS3Server.SECRET_KEY), "");

    JsonObject applied = firstResult(api.applyYaml(depot("lake", "s3-cred"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = catalog.depot("lake");
    assertThat(catalog.steps(depot))
        .containsSubsequence(
            "authenticate passed", "open bucket passed", "list collections passed");
    assertThat(depot.encode()).doesNotContain(TestS3Server.SECRET_KEY);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(catalog.udls("lake"))
                    .containsExactlyInAnyOrder(
                        "dataos://lake/none/orders.parquet",
                        "dataos://lake/none/sales",
                        "dataos://lake/delta/orders",
                        "dataos://lake/iceberg/events",
                        "dataos://lake/web/clicks.csv",
                        "dataos://lake/web/events.json"));
    assertThat(catalog.columns("dataos://lake/web/clicks.csv"))
        .containsExactly("ts", "user_id", "url");
    assertThat(catalog.columns("dataos://lake/web/events.json")).containsExactly("id", "kind");
    assertThat(catalog.columns("dataos://lake/none/orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    JsonObject sales = catalog.dataset("dataos://lake/none/sales");
    assertThat(sales.getString("kind")).isEqualTo("table");
    assertThat(catalog.columns("dataos://lake/none/sales"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(catalog.columns("dataos://lake/delta/orders")).containsExactly("id", "day");
    assertThat(catalog.columns("dataos://lake/iceberg/events")).containsExactly("id", "ts");
    assertThat(catalog.dataset("dataos://lake/iceberg/events").encode())
        .contains("iceberg")
        .contains("ts_day (day)");
  }

  @Test
  void aWrongSecretKeyIsAnErrorAtAuthenticate() {
    api.applyYaml(keys("s3-wrong", "not-the-secret-key-0000"), "");

    JsonObject applied = firstResult(api.applyYaml(depot("badlake", "s3-wrong"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("error");
    JsonObject depot = catalog.depot("badlake");
    assertThat(catalog.steps(depot)).contains("authenticate failed");
    assertThat(depot.encode())
        .contains("the secret key does not match the access key id")
        .doesNotContain("not-the-secret-key-0000");
  }

  @Test
  void anAbfssDepotIsCheckedLiveAndItsPrefixBecomesACatalogTree() {
    TestAzurite.assumeRunning(azurite);
    api.applyYaml(accountKey("azure-cred", TestAzurite.KEY), "");

    JsonObject applied =
        firstResult(api.applyYaml(abfssDepot("azlake", "azure-cred"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = catalog.depot("azlake");
    assertThat(catalog.steps(depot))
        .containsSubsequence(
            "authenticate passed", "open bucket passed", "list collections passed");
    assertThat(depot.encode()).doesNotContain(TestAzurite.KEY);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(catalog.udls("azlake"))
                    .containsExactlyInAnyOrder(
                        "dataos://azlake/none/orders.parquet",
                        "dataos://azlake/none/sales",
                        "dataos://azlake/delta/orders"));
    assertThat(catalog.columns("dataos://azlake/none/orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    assertThat(catalog.dataset("dataos://azlake/none/sales").getString("kind")).isEqualTo("table");
    assertThat(catalog.columns("dataos://azlake/none/sales"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(catalog.columns("dataos://azlake/delta/orders")).containsExactly("id", "day");
  }

  @Test
  void aWrongAccountKeyIsAnErrorAtAuthenticate() {
    TestAzurite.assumeRunning(azurite);
    byte[] wrong = new byte[64];
    new SecureRandom().nextBytes(wrong);
    String wrongKey = Base64.getEncoder().encodeToString(wrong);
    api.applyYaml(accountKey("azure-wrong", wrongKey), "");

    JsonObject applied =
        firstResult(api.applyYaml(abfssDepot("badazlake", "azure-wrong"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("error");
    JsonObject depot = catalog.depot("badazlake");
    assertThat(catalog.steps(depot)).contains("authenticate failed");
    assertThat(depot.encode())
        .contains("the account key does not match account")
        .doesNotContain(wrongKey);
  }

  private static String accountKey(String name, String key) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data:
            azurestorageaccountname: %s
            azurestorageaccountkey: "%s"
        """
        .formatted(name, TestAzurite.ACCOUNT, key);
  }

  private static String abfssDepot(String name, String secret) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: ABFSS
          spec: {account: %s, container: lake, relativePath: raw, endpoint: "%s"}
          secrets:
            - {id: "default:%s", purpose: rw}
        """
        .formatted(name, TestAzurite.ACCOUNT, azurite.endpoint(), secret);
  }

  private static String keys(String name, String secretKey) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data:
            accesskeyid: %s
            secretkey: %s
        """
        .formatted(name, TestS3Server.ACCESS_KEY, secretKey);
  }

  private static String depot(String name, String secret) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: S3
          spec: {bucket: lake, relativePath: raw, endpoint: "%s"}
          secrets:
            - {id: "default:%s", purpose: rw}
        """
        .formatted(name, s3.endpoint(), secret);
  }

  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
