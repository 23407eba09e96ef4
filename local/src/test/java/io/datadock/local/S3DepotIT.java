package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestS3Server;
import io.datadock.connectors.TestTables;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An S3 depot end to end, against a real S3 server on loopback (S3Proxy): checked live through the
 * SDK (a wrong secret key is {@code error} at {@code authenticate}), then scanned into the catalog:
 * plain CSV, JSON and Parquet files by folder, and a partitioned folder as one dataset.
 */
class S3DepotIT {

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;
  static TestS3Server s3;

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
    platform = RunningPlatform.start(dataDir);
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void anS3DepotIsCheckedLiveAndItsPrefixBecomesACatalogTree() {
    api.applyYaml(keys("s3-cred", TestS3Server.SECRET_KEY), "");

    JsonObject applied = firstResult(api.applyYaml(depot("lake", "s3-cred"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = new JsonObject(api.get("/api/v1/resources/depot/lake").body());
    assertThat(steps(depot))
        .containsSubsequence(
            "authenticate passed", "open bucket passed", "list collections passed");
    assertThat(depot.encode()).doesNotContain(TestS3Server.SECRET_KEY);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(udls("lake"))
                    .containsExactlyInAnyOrder(
                        "dataos://lake/none/orders.parquet",
                        "dataos://lake/none/sales",
                        "dataos://lake/delta/orders",
                        "dataos://lake/iceberg/events",
                        "dataos://lake/web/clicks.csv",
                        "dataos://lake/web/events.json"));
    assertThat(columns("dataos://lake/web/clicks.csv")).containsExactly("ts", "user_id", "url");
    assertThat(columns("dataos://lake/web/events.json")).containsExactly("id", "kind");
    assertThat(columns("dataos://lake/none/orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    JsonObject sales = dataset("dataos://lake/none/sales");
    assertThat(sales.getString("kind")).isEqualTo("table");
    assertThat(columns("dataos://lake/none/sales"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(columns("dataos://lake/delta/orders")).containsExactly("id", "day");
    assertThat(columns("dataos://lake/iceberg/events")).containsExactly("id", "ts");
    assertThat(dataset("dataos://lake/iceberg/events").encode())
        .contains("iceberg")
        .contains("ts_day (day)");
  }

  @Test
  void aWrongSecretKeyIsAnErrorAtAuthenticate() {
    api.applyYaml(keys("s3-wrong", "not-the-secret-key-0000"), "");

    JsonObject applied = firstResult(api.applyYaml(depot("badlake", "s3-wrong"), "?wait=true"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("error");
    JsonObject depot = new JsonObject(api.get("/api/v1/resources/depot/badlake").body());
    assertThat(steps(depot)).contains("authenticate failed");
    assertThat(depot.encode())
        .contains("the secret key does not match the access key id")
        .doesNotContain("not-the-secret-key-0000");
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

  private static List<String> steps(JsonObject depot) {
    JsonArray steps = depot.getJsonObject("details").getJsonObject("check").getJsonArray("steps");
    return steps.stream()
        .map(JsonObject.class::cast)
        .map(s -> s.getString("name") + " " + s.getString("status"))
        .toList();
  }

  private static List<String> udls(String depot) {
    return new JsonObject(api.get("/api/v1/datasets?depot=" + depot).body())
        .getJsonArray("collections").stream()
            .map(JsonObject.class::cast)
            .flatMap(c -> c.getJsonArray("datasets").stream().map(JsonObject.class::cast))
            .map(d -> d.getString("udl"))
            .toList();
  }

  private static JsonObject dataset(String udl) {
    return new JsonObject(
        api.get("/api/v1/datasets/" + URLEncoder.encode(udl, StandardCharsets.UTF_8)).body());
  }

  private static List<String> columns(String udl) {
    return dataset(udl).getJsonArray("columns").stream()
        .map(JsonObject.class::cast)
        .map(c -> c.getString("name"))
        .toList();
  }

  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
