package io.datadock.connectors.eventhub;

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

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestCertificates;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.embedded.PlainLoginListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventHubCheck} and {@link EventHubScanner} against the embedded KRaft broker standing in
 * for an Event Hubs namespace's Kafka endpoint: a SASL_SSL listener (certificate from a test CA)
 * that takes PLAIN logins of user {@code $ConnectionString} with the namespace's connection string.
 */
class EventHubCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String KEY_NAME = "RootManageSharedAccessKey";
  private static final String KEY = "eh-Key-7Qx2+vL9/abcDEF=";

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static Map<String, String> trustingTestCa;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates ca = TestCertificates.authority("eventhub-test-ca");
    TestCertificates.Issued server = ca.server();
    String connectionString =
        EventHubLogin.connectionString(new EventHubEndpoint("127.0.0.1", 0), KEY_NAME, KEY);
    broker =
        EmbeddedKafkaBroker.startWithPlainLogin(
            dir,
            PlainLoginListener.tls(
                Map.of(EventHubLogin.USER, connectionString),
                new String(server.certificatePem(), StandardCharsets.US_ASCII),
                new String(server.keyPem(), StandardCharsets.US_ASCII)));
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic("telemetry", 2, (short) 1))).all().get();
    }
    trustingTestCa =
        Map.of(
            "ssl.truststore.type",
            "PEM",
            "ssl.truststore.certificates",
            new String(ca.ca().certificatePem(), StandardCharsets.US_ASCII));
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void theNamespacesKeyPassesEveryStepAndItsEventHubsAreScannedAsTopics() {
    CheckReport report =
        new EventHubCheck(trustingTestCa).check(namespace(), key(KEY), TIMEOUT, TestEgress.local());

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached broker " + endpointAddress());
    assertThat(step(report, AUTHENTICATE).message())
        .startsWith("authenticated as user '$ConnectionString'; cluster ");
    assertThat(step(report, LIST).message()).isEqualTo("1 topic visible");

    ScanResult scan =
        new EventHubScanner(trustingTestCa)
            .scan(namespace(), key(KEY), ScanFilter.all(), TIMEOUT, TestEgress.local());
    assertThat(scan.complete()).isTrue();
    assertThat(scan.datasets()).extracting(DatasetMeta::name).containsExactly("telemetry");
    assertThat(scan.datasets().get(0).properties()).containsEntry("partitions", "2");
  }

  @Test
  void aWrongKeyFailsAtAuthenticateWithoutEchoingTheConnectionString() {
    String wrong = "eh-Wrong-4Kd8+zz/QQ=";
    CheckReport report =
        new EventHubCheck(trustingTestCa)
            .check(namespace(), key(wrong), TIMEOUT, TestEgress.local());
    ScanResult scan =
        new EventHubScanner(trustingTestCa)
            .scan(namespace(), key(wrong), ScanFilter.all(), TIMEOUT, TestEgress.local());

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("authentication failed for user '$ConnectionString'");
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, wrong, "SharedAccessKey=");
    assertThat(scan.complete()).isFalse();
    assertThat(scan.errors()).containsExactly("authentication failed for user '$ConnectionString'");
  }

  @Test
  void aCertificateTheJvmDoesNotTrustFailsAtAuthenticate() {
    CheckReport report =
        new EventHubCheck(Map.of()).check(namespace(), key(KEY), TIMEOUT, TestEgress.local());

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message()).startsWith("TLS handshake failed: ");
    assertNoSecretIn(report, KEY);
  }

  @Test
  void aSecretWithoutTheKeyFailsAtAuthenticateNamingIt() {
    Credentials nameOnly = new Credentials(Map.of(EventHubLogin.KEY_NAME, KEY_NAME), Map.of());

    CheckReport report =
        new EventHubCheck(trustingTestCa).check(namespace(), nameOnly, TIMEOUT, TestEgress.local());

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("the secret has no 'eh_shared_access_key'");
  }

  private static String endpointAddress() {
    return broker.plainLoginServers().orElseThrow();
  }

  private static SourceConnection namespace() {
    return new SourceConnection("eventhub", Map.of("endpoint", "sb://" + endpointAddress() + "/"));
  }

  private static Credentials key(String key) {
    return new Credentials(
        Map.of(EventHubLogin.KEY_NAME, KEY_NAME, EventHubLogin.KEY, key), Map.of());
  }
}
