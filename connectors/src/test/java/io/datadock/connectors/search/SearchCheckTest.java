package io.datadock.connectors.search;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.ReportAssertions.assertNoSecretIn;
import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.statuses;
import static io.datadock.connectors.ReportAssertions.step;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.assertj.core.api.Assertions.tuple;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CountingListener;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestRestServer;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SearchCheck} and {@link SearchScanner} against loopback servers: refused, TLS with an
 * untrusted certificate, and {@link TestSearchServer} (the documented answers, behind a login). No
 * Elasticsearch or OpenSearch runs here: the steps are verified up to the protocol.
 */
class SearchCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String PASSWORD = "Search-pw-5521";
  private static TestRestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestSearchServer.http(PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"elasticsearch", "opensearch"})
  void theDocumentedAnswersToTheRightLoginPassEveryStep(String type) {
    CheckReport report = check(type, "http://127.0.0.1:" + server.port(), basic(PASSWORD));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message())
        .isEqualTo("reached node http://127.0.0.1:" + server.port());
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("logged in with user 'elastic'; cluster 'testcluster' is yellow, 1 node");
    assertThat(step(report, LIST).message()).isEqualTo("2 indices visible");
  }

  @Test
  void anApiKeyIsSentAsTheApiKeyHeader() {
    CheckReport report =
        check(
            "elasticsearch",
            "http://127.0.0.1:" + server.port(),
            new Credentials(Map.of("apikey", TestSearchServer.API_KEY), Map.of()));

    assertThat(report.passed()).isTrue();
    assertThat(step(report, AUTHENTICATE).message()).startsWith("logged in with an API key; ");
  }

  @Test
  void aWrongPasswordFailsAtAuthenticateWithoutEchoingIt() {
    String wrong = "Wrong-pw-0917";
    CheckReport report = check("opensearch", "http://127.0.0.1:" + server.port(), basic(wrong));

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("the cluster refused user 'elastic' (HTTP 401)");
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, wrong);
  }

  @Test
  void noCredentialsForASecuredClusterFailAtAuthenticate() {
    CheckReport report =
        check("elasticsearch", "http://127.0.0.1:" + server.port(), Credentials.none());

    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("the cluster requires credentials (HTTP 401)");
  }

  @Test
  void aCertificateTheJvmDoesNotTrustFailsAtAuthenticate() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      // host:port without a scheme means HTTPS
      CheckReport report = check("elasticsearch", "127.0.0.1:" + tls.port(), basic(PASSWORD));

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith("TLS handshake with https://127.0.0.1:" + tls.port() + " failed: ");
      assertNoSecretIn(report, PASSWORD);
    }
  }

  @Test
  void theClientsOwnResolverIsTheEgressGate() throws Exception {
    try (CountingListener listener = new CountingListener("127.0.0.2")) {
      SearchNode node = new SearchNode("http", "127.0.0.2", listener.port());
      Deadline deadline = Deadline.after(TIMEOUT);

      // the reach step is left out: the HTTP client alone meets the denial, in its resolver
      try (EgressRestClient client =
          node.client(
              SearchNode.login(basic(PASSWORD)),
              TestEgress.denying("127.0.0.2/32").gate(),
              deadline)) {
        Exception error = catchException(() -> client.get("/_cluster/health"));

        assertThat(client.describe(error, basic(PASSWORD)))
            .isEqualTo("egress denied: 127.0.0.2 is in 127.0.0.2/32");
      }
      assertThat(listener.accepted()).isZero();
    }
  }

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    CheckReport report = check("elasticsearch", "http://127.0.0.1:" + closed, basic(PASSWORD));

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void aNodeThatIsNotAnAddressFailsToReachNamingTheField() {
    CheckReport report = check("elasticsearch", "ftp://127.0.0.1:21", basic(PASSWORD));

    assertThat(step(report, REACH).message())
        .isEqualTo("each of 'nodes' must be an http:// or https:// address");
  }

  @Test
  void theScanReadsEachVisibleIndexWithItsMappedFields() {
    ScanResult scan =
        TestFamilies.scanner("elasticsearch")
            .scan(
                connection("elasticsearch", "http://127.0.0.1:" + server.port()),
                basic(PASSWORD),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan.complete()).isTrue();
    assertThat(scan.datasets())
        .extracting(DatasetMeta::name)
        .containsExactly("logs-2026.12", "my-index-000001");
    DatasetMeta index = scan.datasets().get(1);
    assertThat(index.kind()).isEqualTo(DatasetKind.INDEX);
    assertThat(index.collection()).isEqualTo("default");
    assertThat(index.rowEstimate()).isEqualTo(1200L);
    assertThat(index.properties()).containsEntry("health", "yellow");
    assertThat(index.columns())
        .extracting(ColumnMeta::name, ColumnMeta::type)
        .containsExactly(
            tuple("age", "integer"),
            tuple("email", "keyword"),
            tuple("name", "text"),
            tuple("address.city", "keyword"),
            tuple("address.zip", "keyword"),
            tuple("tags", "nested"));
  }

  @Test
  void aScanWithAWrongPasswordFailsWithoutEchoingIt() {
    ScanResult scan =
        TestFamilies.scanner("opensearch")
            .scan(
                connection("opensearch", "http://127.0.0.1:" + server.port()),
                basic("Wrong-pw-3310"),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan).isEqualTo(ScanResult.failure("the cluster refused user 'elastic' (HTTP 401)"));
  }

  private static CheckReport check(String type, String node, Credentials credentials) {
    return TestFamilies.check(type)
        .check(connection(type, node), credentials, TIMEOUT, TestEgress.local());
  }

  private static SourceConnection connection(String type, String node) {
    return new SourceConnection(type, Map.of("nodes", List.of(node)));
  }

  private static Credentials basic(String password) {
    return new Credentials(
        Map.of("username", TestSearchServer.USER, "password", password), Map.of());
  }
}
