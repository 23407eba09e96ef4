package io.datadock.connectors.bigquery;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.ReportAssertions.assertNoSecretIn;
import static io.datadock.connectors.ReportAssertions.statuses;
import static io.datadock.connectors.ReportAssertions.step;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestGoogleServer;
import io.datadock.connectors.TestServiceAccount;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.FreePorts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BigQueryCheck} and {@link BigQueryScanner} against {@link TestGoogleServer}: its token
 * endpoint verifies the JWT grant's RS256 signature, its BigQuery API answers the documented JSON
 * of datasets.list, tables.list and tables.get (2 items a page). No BigQuery runs here: the
 * protocol is verified, not Google's service.
 */
class BigQueryCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final TestServiceAccount ACCOUNT =
      TestServiceAccount.create("analyst@datadock-test.iam.gserviceaccount.com");
  private static TestGoogleServer google;

  @BeforeAll
  static void start() throws Exception {
    google = TestGoogleServer.start().trust(ACCOUNT);
    google
        .bigQuery()
        .table("shop", "sales", "orders", "TABLE", 42, "id INT64 REQUIRED", "tags STRING REPEATED")
        .table(
            "shop", "sales", "customers", "TABLE", 7, "id INT64 REQUIRED", "name STRING NULLABLE")
        .table("shop", "sales", "big_orders", "VIEW", 0, "id INT64 NULLABLE")
        .table("shop", "staging", "raw", "TABLE", 1, "payload JSON NULLABLE")
        .emptyDataset("shop", "archive")
        .forbid("secret-project");
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @AfterEach
  void tokensAcceptedAgain() {
    google.refuseTokensAtStorage(false);
  }

  @Test
  void theServiceAccountPassesEveryStepAndSeesTheProjectsDatasets() {
    CheckReport report = check("shop", ACCOUNT);

    assertThat(statuses(report)).as(report.toString()).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached 127.0.0.1:" + google.port());
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("token granted to service account '" + ACCOUNT.email() + "'");
    // three datasets, answered 2 a page: the check reads one page
    assertThat(step(report, LIST).message())
        .isEqualTo("more than 2 datasets visible in project 'shop'");
  }

  @Test
  void aKeyFileSignedByAnotherKeyFailsAtAuthenticateWithoutTheKey() {
    TestServiceAccount impostor = TestServiceAccount.create(ACCOUNT.email());
    CheckReport report = check("shop", impostor);

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message()).endsWith("(invalid_grant)");
    assertNoSecretIn(report, impostor.privateKeyLines().toArray(String[]::new));
  }

  @Test
  void anUnknownOrForbiddenProjectOrARefusedTokenFailsTheListing() {
    CheckReport unknown = check("no-such-project", ACCOUNT);
    CheckReport forbidden = check("secret-project", ACCOUNT);
    google.refuseTokensAtStorage(true);
    CheckReport refused = check("shop", ACCOUNT);

    assertThat(statuses(unknown)).containsExactly(PASSED, PASSED, FAILED);
    assertThat(step(unknown, LIST).message()).isEqualTo("project 'no-such-project' does not exist");
    assertThat(step(forbidden, LIST).message())
        .isEqualTo(
            "service account '"
                + ACCOUNT.email()
                + "' may not list the datasets of project 'secret-project' (HTTP 403)");
    assertThat(step(refused, LIST).message())
        .isEqualTo(
            "the BigQuery API refused the access token of '" + ACCOUNT.email() + "' (HTTP 401)");
  }

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    CheckReport report =
        TestFamilies.check("bigquery")
            .check(
                connection("shop", "http://127.0.0.1:" + closed),
                ACCOUNT.credentials(google.tokenUri()),
                TIMEOUT,
                TestEgress.local());

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
  }

  @Test
  void theScanGivesEveryDatasetsTablesWithTheirSchemas() {
    ScanResult scan =
        TestFamilies.scanner("bigquery")
            .scan(
                connection("shop", google.endpoint()),
                ACCOUNT.credentials(google.tokenUri()),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan.errors()).isEmpty();
    assertThat(scan.complete()).isTrue();
    assertThat(scan.datasets())
        .extracting(DatasetMeta::collection, DatasetMeta::name, DatasetMeta::kind)
        .containsExactly(
            tuple("sales", "big_orders", DatasetKind.VIEW),
            tuple("sales", "customers", DatasetKind.TABLE),
            tuple("sales", "orders", DatasetKind.TABLE),
            tuple("staging", "raw", DatasetKind.TABLE));
    DatasetMeta orders = scan.datasets().get(2);
    assertThat(orders.columns())
        .containsExactly(
            new ColumnMeta("id", "INT64", false, 1),
            new ColumnMeta("tags", "ARRAY<STRING>", true, 2));
    assertThat(orders.rowEstimate()).isEqualTo(42);
    assertThat(orders.properties()).containsEntry("type", "TABLE").containsEntry("location", "EU");
  }

  @Test
  void aScanWithAnotherKeyFailsSayingSo() {
    ScanResult scan =
        TestFamilies.scanner("bigquery")
            .scan(
                connection("shop", google.endpoint()),
                TestServiceAccount.create(ACCOUNT.email()).credentials(google.tokenUri()),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan.complete()).isFalse();
    assertThat(scan.errors()).singleElement().asString().endsWith("(invalid_grant)");
  }

  private static CheckReport check(String project, TestServiceAccount account) {
    return TestFamilies.check("bigquery")
        .check(
            connection(project, google.endpoint()),
            account.credentials(google.tokenUri()),
            TIMEOUT,
            TestEgress.local());
  }

  private static SourceConnection connection(String project, String endpoint) {
    return new SourceConnection("bigquery", Map.of("project", project, "endpoint", endpoint));
  }
}
