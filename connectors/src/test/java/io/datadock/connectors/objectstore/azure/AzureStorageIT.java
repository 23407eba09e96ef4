package io.datadock.connectors.objectstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckStep;
import io.datadock.connectors.CheckSteps;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.StepStatus;
import io.datadock.connectors.TestAzurite;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestParquet;
import io.datadock.connectors.TestTables;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import io.datadock.core.manifest.depot.SourceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The abfss and wasbs checks and scans against Azurite on loopback: account key and SAS, a wrong
 * key, a forged SAS, a missing container, a denied endpoint; a container's tree with schemas.
 */
class AzureStorageIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private static TestAzurite azurite;

  @BeforeAll
  static void start() throws Exception {
    azurite = TestAzurite.start(dir);
    azurite.createContainer("raw");
    azurite.put("raw", "events/2026/a.csv", text("id,kind\n1,click\n"));
    azurite.put("raw", "events/2026/b.csv", text("id,kind\n2,view\n"));
    azurite.put("raw", "other/c.csv", text("x\n"));
    azurite.createContainer("lake");
    azurite.put("lake", "sales/orders.parquet", TestParquet.ordersFile());
    azurite.put("lake", "sales/daily/date=2026-01-01/part-0.parquet", TestParquet.ordersFile());
    azurite.put("lake", "sales/daily/date=2026-01-02/part-0.parquet", TestParquet.ordersFile());
    azurite.put(
        "lake",
        "sales/delta/orders/_delta_log/00000000000000000000.json",
        TestTables.deltaCommit(List.of("id long true", "day date false"), List.of("day")));
    azurite.put(
        "lake", "sales/delta/orders/day=2026-01-01/part-0.parquet", TestParquet.ordersFile());
  }

  @AfterAll
  static void stop() throws Exception {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void theAccountKeyPassesEveryStepAndListsUnderThePrefixOnly() {
    CheckReport report = check("wasbs", connection("raw", "/events"), key(TestAzurite.KEY));

    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.steps())
        .extracting(CheckStep::name)
        .containsExactly(
            CheckSteps.REACH, CheckSteps.AUTHENTICATE, CheckSteps.BUCKET, CheckSteps.LIST);
    assertThat(report.steps().get(3).message())
        .isEqualTo("2 blobs under wasbs://raw@" + TestAzurite.ACCOUNT + "/events/");
  }

  @Test
  void aWrongAccountKeyFailsAtAuthenticateWithoutQuotingIt() {
    String wrong = randomKey();

    CheckReport report = check("abfss", connection("raw", ""), key(wrong));

    assertThat(failed(report)).isEqualTo(CheckSteps.AUTHENTICATE);
    assertThat(report.firstFailure().orElseThrow().message())
        .startsWith("the account key does not match account '" + TestAzurite.ACCOUNT + "'");
    assertThat(report.toString()).doesNotContain(wrong);
    assertThat(report.steps().get(2).status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void aMissingContainerFailsAtOpenBucket() {
    CheckReport report = check("abfss", connection("no-such-container", ""), key(TestAzurite.KEY));

    assertThat(failed(report)).isEqualTo(CheckSteps.BUCKET);
    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("container 'no-such-container' does not exist");
  }

  @Test
  void aContainerSasPassesAndAForgedOneFailsAtAuthenticate() {
    String sas = azurite.containerSas("raw", "rl");
    String forged = sas.replaceFirst("sig=[^&]+", "sig=" + randomKey().substring(0, 43) + "%3D");

    CheckReport good = check("wasbs", connection("raw", "events"), sas(sas));
    CheckReport bad = check("wasbs", connection("raw", "events"), sas(forged));

    assertThat(good.passed()).as(good.toString()).isTrue();
    assertThat(good.steps().get(1).message()).isEqualTo("the SAS token accepted");
    assertThat(failed(bad)).isEqualTo(CheckSteps.AUTHENTICATE);
    assertThat(bad.firstFailure().orElseThrow().message()).startsWith("the SAS token was refused");
    assertThat(good + " " + bad).doesNotContain("sig=");
  }

  @Test
  void anEndpointTheEgressPolicyDeniesFailsAtReachWithThePolicysMessage() {
    Egress standalone = TestEgress.standalone();

    CheckReport report =
        TestFamilies.check("abfss")
            .check(connection("raw", ""), key(TestAzurite.KEY), TIMEOUT, standalone);

    assertThat(failed(report)).isEqualTo(CheckSteps.REACH);
    assertThat(report.firstFailure().orElseThrow().message()).startsWith("egress denied");
  }

  @Test
  void aScanGivesTheContainersTreeWithSchemasReadFromByteRanges() {
    ScanResult result =
        TestFamilies.scanner("abfss")
            .scan(
                connection("lake", "sales"),
                key(TestAzurite.KEY),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
    assertThat(result.datasets())
        .extracting(d -> d.collection() + "/" + d.name())
        .containsExactly("delta/orders", "none/daily", "none/orders.parquet");
    assertThat(columns(result, "orders.parquet"))
        .containsExactly("id", "name", "amount", "address", "tag");
    assertThat(columns(result, "daily"))
        .containsExactly("id", "name", "amount", "address", "tag", "date");
    assertThat(columns(result, "orders")).containsExactly("id", "day");
    assertThat(dataset(result, "orders").properties())
        .containsEntry("format", "delta")
        .containsEntry("path", "abfss://lake@" + TestAzurite.ACCOUNT + "/sales/delta/orders/");
  }

  @Test
  void theListingGoesOnPageByPageAndReadsAreRanges() throws Exception {
    AzureLocation location = AzureLocation.of(SourceType.WASBS, connection("raw", ""));
    AzureClients.Access access = AzureClients.access(key(TestAzurite.KEY), location);
    Deadline deadline = Deadline.after(TIMEOUT);

    try (AzureClients.Container container =
        AzureClients.open(location, access, TestEgress.local().gate(), deadline)) {
      AzureBlobs blobs =
          new AzureBlobs(container.client(), location, access, key(TestAzurite.KEY), deadline);
      ObjectStore.Page first = blobs.list("events/", null, 1);
      ObjectStore.Page second = blobs.list("events/", first.next(), 1);

      assertThat(first.objects())
          .containsExactly(new ObjectStore.StoredObject("events/2026/a.csv", 16));
      assertThat(first.next()).isNotNull();
      assertThat(second.objects())
          .extracting(ObjectStore.StoredObject::key)
          .containsExactly("events/2026/b.csv");
      assertThat(second.next()).isNull();
      assertThat(new String(blobs.read("events/2026/a.csv", 3, 4), StandardCharsets.UTF_8))
          .isEqualTo("kind");
    }
  }

  @Test
  void aScanWithAWrongKeyFailsSayingSo() {
    ScanResult result =
        TestFamilies.scanner("wasbs")
            .scan(
                connection("lake", "sales"),
                key(randomKey()),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(result.complete()).isFalse();
    assertThat(result.datasets()).isEmpty();
    assertThat(String.join(" ", result.errors())).contains("the account key does not match");
  }

  private static CheckReport check(String type, SourceConnection connection, Credentials c) {
    return TestFamilies.check(type).check(connection, c, TIMEOUT, TestEgress.local());
  }

  private static String failed(CheckReport report) {
    return report.firstFailure().map(CheckStep::name).orElse("none");
  }

  private static DatasetMeta dataset(ScanResult result, String name) {
    return result.datasets().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> columns(ScanResult result, String name) {
    return dataset(result, name).columns().stream().map(ColumnMeta::name).toList();
  }

  static SourceConnection connection(String container, String prefix) {
    return new SourceConnection(
        "abfss",
        Map.of(
            "account",
            TestAzurite.ACCOUNT,
            "container",
            container,
            "relativePath",
            prefix,
            "endpoint",
            azurite.endpoint()));
  }

  private static Credentials key(String key) {
    return new Credentials(Map.of("azurestorageaccountkey", key), Map.of());
  }

  private static Credentials sas(String token) {
    return new Credentials(Map.of("azurestoragesastoken", token), Map.of());
  }

  private static String randomKey() {
    byte[] key = new byte[64];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
