package io.datadock.connectors.objectstore.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestGoogleServer;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestServiceAccount;
import io.datadock.connectors.TestTables;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GcsScanner} and {@link GcsObjects} against {@link TestGoogleServer}: the same tree as an
 * S3 or Azure depot's (files, a partitioned folder, a Delta table), listed page by page (the
 * fixture answers 2 objects a page) and read by byte ranges.
 */
class GcsScanTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final TestServiceAccount ACCOUNT =
      TestServiceAccount.create("scanner@datadock-test.iam.gserviceaccount.com");
  private static TestGoogleServer google;

  @BeforeAll
  static void start() throws Exception {
    google = TestGoogleServer.start().trust(ACCOUNT);
    google.put("lake", "sales/orders.parquet", TestParquet.ordersFile());
    google.put("lake", "sales/daily/date=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    google.put("lake", "sales/daily/date=2026-01-02/part-0.parquet", TestParquet.ordersFile());
    google.put(
        "lake",
        "sales/delta/orders/_delta_log/00000000000000000000.json",
        TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
    google.put(
        "lake", "sales/delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    google.put("lake", "sales/events/clicks.csv", text("id,kind,at\n1,click,2026\n"));
    google.put("lake", "other/ignored.csv", text("x\n"));
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @Test
  void aScanGivesTheBucketsTreeWithSchemasReadFromByteRanges() {
    ScanResult result = scan(ACCOUNT);

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "/" + d.name())
        .containsExactly("delta/orders", "events/clicks.csv", "none/daily", "none/orders.parquet");
    assertThat(columns(result, "orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    assertThat(columns(result, "daily"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(columns(result, "clicks.csv")).containsExactly("id", "kind", "at");
    assertThat(columns(result, "orders")).containsExactly("id", "day");
    assertThat(dataset(result, "orders").properties())
        .containsEntry("format", "delta")
        .containsEntry("path", "gs://lake/sales/delta/orders/");
  }

  @Test
  void theListingGoesOnPageByPageAndReadsAreRanges() throws Exception {
    GcsLocation location = GcsLocation.of(connection());
    Deadline deadline = Deadline.after(TIMEOUT);
    var credentials = ACCOUNT.credentials(google.tokenUri());

    try (GoogleSession session =
        GcsApi.login(location, credentials, TestEgress.local().gate(), deadline)) {
      GcsObjects objects = new GcsObjects(session, location, credentials);
      ObjectStore.Page first = objects.list("sales/d", null, 1000);
      ObjectStore.Page second = objects.list("sales/d", first.next(), 1000);
      ObjectStore.Page events = objects.list("sales/events/", null, 1000);

      assertThat(first.objects())
          .extracting(ObjectStore.StoredObject::key)
          .containsExactly(
              "sales/daily/date=2026-01-01/part-0.parquet",
              "sales/daily/date=2026-01-02/part-0.parquet");
      assertThat(first.next()).isNotNull();
      assertThat(second.objects())
          .extracting(ObjectStore.StoredObject::key)
          .containsExactly(
              "sales/delta/orders/_delta_log/00000000000000000000.json",
              "sales/delta/orders/day=2026-01-01/part-0.parquet");
      assertThat(second.next()).isNull();
      assertThat(events.objects())
          .containsExactly(new ObjectStore.StoredObject("sales/events/clicks.csv", 24));
      assertThat(new String(objects.read("sales/events/clicks.csv", 3, 4), StandardCharsets.UTF_8))
          .isEqualTo("kind");
      assertThat(objects.read("sales/events/clicks.csv", 24, 10)).isEmpty();
    }
  }

  @Test
  void aScanWithAnotherKeyFailsSayingSoWithoutTheKey() {
    TestServiceAccount impostor = TestServiceAccount.create(ACCOUNT.email());
    ScanResult result = scan(impostor);

    assertThat(result.complete()).isFalse();
    assertThat(result.datasets()).isEmpty();
    assertThat(String.join(" ", result.errors()))
        .contains("the token endpoint refused service account '" + ACCOUNT.email() + "'");
    for (String line : impostor.privateKeyLines()) {
      assertThat(String.join(" ", result.errors())).doesNotContain(line);
    }
  }

  private static ScanResult scan(TestServiceAccount account) {
    return TestFamilies.scanner("gcs")
        .scan(
            connection(),
            account.credentials(google.tokenUri()),
            ScanFilter.all(),
            TIMEOUT,
            TestEgress.local());
  }

  private static SourceConnection connection() {
    return new SourceConnection(
        "gcs", Map.of("bucket", "lake", "relativePath", "sales", "endpoint", google.endpoint()));
  }

  private static DatasetMeta dataset(ScanResult result, String name) {
    return result.datasets().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> columns(ScanResult result, String name) {
    return dataset(result, name).columns().stream().map(ColumnMeta::name).toList();
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
