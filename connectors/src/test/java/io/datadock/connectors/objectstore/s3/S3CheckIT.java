package io.datadock.connectors.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckStep;
import io.datadock.connectors.CheckSteps;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.StepStatus;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestS3Server;
import io.datadock.connectors.egress.Egress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link S3Check} against a real S3 server on loopback (S3Proxy). */
class S3CheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static TestS3Server s3;
  private final S3Check check = new S3Check();

  @BeforeAll
  static void start() throws Exception {
    s3 = TestS3Server.start();
    s3.createBucket("raw-events");
    s3.put(
        "raw-events", "events/2026/a.csv", "id,kind\n1,click\n".getBytes(StandardCharsets.UTF_8));
    s3.put("raw-events", "events/2026/b.csv", "id,kind\n2,view\n".getBytes(StandardCharsets.UTF_8));
    s3.put("raw-events", "other/c.csv", "x\n".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void theRightKeysPassEveryStepAndListUnderThePrefixOnly() {
    CheckReport report =
        check(connection("raw-events", "/events"), keysFor(TestS3Server.SECRET_KEY));

    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(report.steps())
        .extracting(CheckStep::name)
        .containsExactly(
            CheckSteps.REACH, CheckSteps.AUTHENTICATE, CheckSteps.BUCKET, CheckSteps.LIST);
    assertThat(report.steps().get(3).message())
        .isEqualTo("2 objects under s3://raw-events/events/");
  }

  @Test
  void aWrongSecretKeyFailsAtAuthenticateWithoutQuotingIt() {
    CheckReport report = check(connection("raw-events", ""), keysFor("wrong-secret-key-000"));

    assertThat(failed(report)).isEqualTo(CheckSteps.AUTHENTICATE);
    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("the secret key does not match the access key id");
    assertThat(report.toString()).doesNotContain("wrong-secret-key-000");
    assertThat(report.steps().get(2).status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void anUnknownAccessKeyFailsAtAuthenticate() {
    Credentials unknown =
        new Credentials(Map.of("accesskeyid", "nobody", "secretkey", "whatever"), Map.of());

    CheckReport report = check(connection("raw-events", ""), unknown);

    assertThat(failed(report)).isEqualTo(CheckSteps.AUTHENTICATE);
    assertThat(report.firstFailure().orElseThrow().message()).contains("access key id");
  }

  @Test
  void aMissingBucketFailsAtOpenBucket() {
    CheckReport report = check(connection("no-such-bucket", ""), keysFor(TestS3Server.SECRET_KEY));

    assertThat(failed(report)).isEqualTo(CheckSteps.BUCKET);
    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("bucket 'no-such-bucket' does not exist");
  }

  @Test
  void aSecretWithoutKeysFailsAtAuthenticateNamingWhatIsMissing() {
    CheckReport report = check(connection("raw-events", ""), Credentials.none());

    assertThat(failed(report)).isEqualTo(CheckSteps.AUTHENTICATE);
    assertThat(report.firstFailure().orElseThrow().message()).contains("'accesskeyid'");
  }

  @Test
  void anEndpointTheEgressPolicyDeniesFailsAtReachWithThePolicysMessage() {
    Egress standalone = TestEgress.standalone();

    CheckReport report =
        check.check(
            connection("raw-events", ""), keysFor(TestS3Server.SECRET_KEY), TIMEOUT, standalone);

    assertThat(failed(report)).isEqualTo(CheckSteps.REACH);
    assertThat(report.firstFailure().orElseThrow().message()).startsWith("egress denied");
  }

  private CheckReport check(SourceConnection connection, Credentials credentials) {
    return check.check(connection, credentials, TIMEOUT, TestEgress.local());
  }

  private static String failed(CheckReport report) {
    return report.firstFailure().map(CheckStep::name).orElse("none");
  }

  static SourceConnection connection(String bucket, String prefix) {
    return new SourceConnection(
        "s3", Map.of("bucket", bucket, "relativePath", prefix, "endpoint", s3.endpoint()));
  }

  static Credentials keysFor(String secretKey) {
    return new Credentials(
        Map.of("accesskeyid", TestS3Server.ACCESS_KEY, "secretkey", secretKey), Map.of());
  }
}
