package io.datadock.connectors.objectstore.gcs;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
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
import io.datadock.connectors.CountingListener;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestGoogleServer;
import io.datadock.connectors.TestRestServer;
import io.datadock.connectors.TestServiceAccount;
import io.datadock.connectors.egress.Egress;
import io.datadock.runtime.kafka.FreePorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GcsCheck} against loopback servers: {@link TestGoogleServer} (a token endpoint that
 * verifies the JWT grant's RS256 signature, and the JSON API's documented answers), a closed port,
 * HTTPS with an untrusted certificate, a token endpoint the egress policy denies. No GCS runs here:
 * the protocol is verified, not Google's service.
 */
class GcsCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final TestServiceAccount ACCOUNT =
      TestServiceAccount.create("reader@datadock-test.iam.gserviceaccount.com");
  private static TestGoogleServer google;

  @BeforeAll
  static void start() throws Exception {
    google = TestGoogleServer.start().trust(ACCOUNT);
    google.put("raw-events", "events/2026/a.csv", text("id,kind\n1,click\n"));
    google.put("raw-events", "events/2026/b.csv", text("id,kind\n2,view\n"));
    google.put("raw-events", "events/2026/c.csv", text("id,kind\n3,view\n"));
    google.put("raw-events", "other/c.csv", text("x\n"));
    google.forbid("secret-bucket");
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @AfterEach
  void storageAcceptsTokensAgain() {
    google.refuseTokensAtStorage(false);
  }

  @Test
  void theServiceAccountPassesEveryStepAndListsOnePageUnderThePrefix() {
    CheckReport report =
        check(connection("raw-events", "/events"), ACCOUNT.credentials(google.tokenUri()));

    assertThat(statuses(report))
        .as(report.toString())
        .containsExactly(PASSED, PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached 127.0.0.1:" + google.port());
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("token granted to service account '" + ACCOUNT.email() + "'");
    assertThat(step(report, BUCKET).message()).isEqualTo("bucket 'raw-events' is there");
    // the server pages by 2: one page of the three objects under events/
    assertThat(step(report, LIST).message())
        .isEqualTo("more than 2 objects under gs://raw-events/events/");
    assertNoKeyIn(report);
  }

  @Test
  void theSecretsProjectAndEmailAreNamedNotRedacted() {
    Credentials secret =
        new Credentials(
            Map.of("projectid", "datadock-test", "email", ACCOUNT.email()),
            Map.of("gcskey_json", ACCOUNT.keyFile(google.tokenUri())));
    CheckReport report = check(connection("raw-events", ""), secret);

    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("token granted to service account '" + ACCOUNT.email() + "'");
  }

  @Test
  void aKeyFileSignedByAnotherKeyFailsAtAuthenticate() {
    TestServiceAccount impostor = TestServiceAccount.create(ACCOUNT.email());
    CheckReport report =
        check(connection("raw-events", ""), impostor.credentials(google.tokenUri()));

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo(
            "the token endpoint refused service account '"
                + ACCOUNT.email()
                + "': the key does not match the account, or it was deleted (invalid_grant)");
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, impostor.privateKeyLines().toArray(String[]::new));
  }

  @Test
  void aBucketThatIsNotThereFailsAtOpenBucket() {
    CheckReport report =
        check(connection("no-such-bucket", ""), ACCOUNT.credentials(google.tokenUri()));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED, SKIPPED);
    assertThat(step(report, BUCKET).message()).isEqualTo("bucket 'no-such-bucket' does not exist");
  }

  @Test
  void aBucketTheAccountMayNotReadFailsAtOpenBucketWith403() {
    CheckReport report =
        check(connection("secret-bucket", ""), ACCOUNT.credentials(google.tokenUri()));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED, SKIPPED);
    assertThat(step(report, BUCKET).message())
        .isEqualTo(
            "service account '"
                + ACCOUNT.email()
                + "' may not read bucket 'secret-bucket' (HTTP 403)");
  }

  @Test
  void aTokenTheStorageApiRefusesFailsAtOpenBucketWith401() {
    google.refuseTokensAtStorage(true);
    CheckReport report =
        check(connection("raw-events", ""), ACCOUNT.credentials(google.tokenUri()));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED, SKIPPED);
    assertThat(step(report, BUCKET).message())
        .isEqualTo(
            "the storage API refused the access token of '" + ACCOUNT.email() + "' (HTTP 401)");
  }

  @Test
  void aSecretWithoutAKeyFileOrWithABrokenOneFailsAtAuthenticateWithoutQuotingIt() {
    CheckReport none =
        check(connection("raw-events", ""), new Credentials(Map.of("projectid", "p"), Map.of()));
    String broken =
        "{\"type\":\"service_account\",\"client_email\":\"a@b\",\"private_key\":\""
            + ACCOUNT.privateKeyLines().get(1)
            + "\"";
    CheckReport notJson =
        check(
            connection("raw-events", ""),
            new Credentials(
                Map.of(), Map.of("gcskey_json", broken.getBytes(StandardCharsets.UTF_8))));
    CheckReport notAKey =
        check(
            connection("raw-events", ""),
            new Credentials(
                Map.of(), Map.of("json_keyfile", (broken + "}").getBytes(StandardCharsets.UTF_8))));

    assertThat(step(none, AUTHENTICATE).message())
        .isEqualTo("the secret has no file 'json_keyfile' (or 'gcskey_json')");
    assertThat(step(notJson, AUTHENTICATE).message())
        .isEqualTo("the secret's key file is not JSON");
    assertThat(step(notAKey, AUTHENTICATE).message())
        .isEqualTo("the key file's private_key is not an RSA key in PKCS#8 PEM");
    assertNoKeyIn(notJson);
    assertNoKeyIn(notAKey);
  }

  @Test
  void aTokenEndpointWithAnUntrustedCertificateFailsAtAuthenticate() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      CheckReport report =
          check(
              connection("raw-events", ""),
              ACCOUNT.credentials("https://127.0.0.1:" + tls.port() + "/token"));

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith(
              "token endpoint: TLS handshake with https://127.0.0.1:" + tls.port() + " failed: ");
      assertNoKeyIn(report);
    }
  }

  @Test
  void aStorageEndpointWithAnUntrustedCertificateFailsAtOpenBucket() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      Map<String, Object> fields = new HashMap<>(fields("raw-events", ""));
      fields.put("endpoint", "https://127.0.0.1:" + tls.port());
      CheckReport report =
          check(new SourceConnection("gcs", fields), ACCOUNT.credentials(google.tokenUri()));

      assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED, SKIPPED);
      assertThat(step(report, BUCKET).message())
          .startsWith(
              "bucket 'raw-events': TLS handshake with https://127.0.0.1:"
                  + tls.port()
                  + " failed: ");
    }
  }

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    Map<String, Object> fields = new HashMap<>(fields("raw-events", ""));
    fields.put("endpoint", "http://127.0.0.1:" + closed);
    CheckReport report =
        check(new SourceConnection("gcs", fields), ACCOUNT.credentials(google.tokenUri()));

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void aTokenEndpointTheEgressPolicyDeniesIsNeverConnectedTo() throws Exception {
    Egress denying = TestEgress.denying("127.0.0.2/32");
    try (CountingListener tokenEndpoint = new CountingListener("127.0.0.2")) {
      CheckReport report =
          TestFamilies.check("gcs")
              .check(
                  connection("raw-events", ""),
                  ACCOUNT.credentials("http://127.0.0.2:" + tokenEndpoint.port() + "/token"),
                  TIMEOUT,
                  denying);

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .isEqualTo("token endpoint: egress denied: 127.0.0.2 is in 127.0.0.2/32");
      assertThat(tokenEndpoint.accepted()).isZero();
    }
  }

  @Test
  void aTokenEndpointInClearTextIsRefusedUnlessItIsALoopbackAddress() {
    CheckReport report =
        check(connection("raw-events", ""), ACCOUNT.credentials("http://oauth2.invalid/token"));

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("the key file's token_uri must be https (http only to a loopback address)");
  }

  private void assertNoKeyIn(CheckReport report) {
    assertNoSecretIn(report, ACCOUNT.privateKeyLines().toArray(String[]::new));
    assertThat(report.toString()).doesNotContain("PRIVATE KEY");
  }

  private static CheckReport check(SourceConnection connection, Credentials credentials) {
    return TestFamilies.check("gcs").check(connection, credentials, TIMEOUT, TestEgress.local());
  }

  static SourceConnection connection(String bucket, String prefix) {
    return new SourceConnection("gcs", fields(bucket, prefix));
  }

  private static Map<String, Object> fields(String bucket, String prefix) {
    return Map.of("bucket", bucket, "relativePath", prefix, "endpoint", google.endpoint());
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
