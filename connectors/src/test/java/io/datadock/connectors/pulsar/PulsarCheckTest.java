package io.datadock.connectors.pulsar;

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
import static org.assertj.core.api.Assertions.tuple;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestRestServer;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.FreePorts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PulsarCheck} and {@link PulsarScanner} against loopback servers: a closed port, HTTPS with
 * an untrusted certificate, and {@link TestRestServer} answering the admin API's documented JSON
 * for tenants, namespaces and persistent topics to one token. No Pulsar broker runs here: the admin
 * protocol is verified, not a cluster.
 */
class PulsarCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLTQ0MQ";
  private static TestRestServer admin;

  @BeforeAll
  static void start() throws Exception {
    admin =
        TestRestServer.http(
            Map.of(
                "/admin/v2/tenants", "[\"public\",\"pulsar\",\"sample\"]",
                "/admin/v2/namespaces/public", "[\"public/default\",\"public/functions\"]",
                "/admin/v2/namespaces/pulsar", "[\"pulsar/system\"]",
                "/admin/v2/namespaces/sample", "[]",
                "/admin/v2/persistent/public/default",
                    "[\"persistent://public/default/orders\","
                        + "\"persistent://public/default/clicks-partition-0\","
                        + "\"persistent://public/default/clicks-partition-1\"]",
                "/admin/v2/persistent/public/functions",
                    "[\"persistent://public/functions/assignments\"]"),
            Set.of("Bearer " + TOKEN),
            "{\"reason\":\"Authentication required\"}");
  }

  @AfterAll
  static void stop() {
    admin.close();
  }

  @Test
  void theTokenPassesEveryStepAndTheDepotsTenantIsListed() {
    CheckReport report = check(adminUrl(), "public", TOKEN);

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached " + adminUrl());
    assertThat(step(report, AUTHENTICATE).message()).isEqualTo("logged in with a token; 3 tenants");
    assertThat(step(report, LIST).message()).isEqualTo("2 namespaces visible in tenant 'public'");
  }

  @Test
  void withoutATenantEveryTenantsNamespacesAreCounted() {
    CheckReport report = check(adminUrl(), null, TOKEN);

    assertThat(step(report, LIST).message()).isEqualTo("3 namespaces visible");
  }

  @Test
  void aWrongTokenFailsAtAuthenticateWithoutEchoingIt() {
    String wrong = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.d3Jvbmc";
    CheckReport report = check(adminUrl(), "public", wrong);

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("the admin API refused a token (HTTP 401)");
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, wrong);
  }

  @Test
  void aCertificateTheJvmDoesNotTrustFailsAtAuthenticate() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      CheckReport report = check("https://127.0.0.1:" + tls.port(), "public", TOKEN);

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith("TLS handshake with https://127.0.0.1:" + tls.port() + " failed: ");
      assertNoSecretIn(report, TOKEN);
    }
  }

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    CheckReport report = check("http://127.0.0.1:" + closed, null, TOKEN);

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void theScanListsEachNamespacesTopicsWithPartitionedTopicsAsOne() {
    ScanResult scan =
        TestFamilies.scanner("pulsar")
            .scan(
                connection(adminUrl(), "public"),
                token(TOKEN),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan.complete()).isTrue();
    assertThat(scan.datasets())
        .extracting(DatasetMeta::collection, DatasetMeta::name, DatasetMeta::properties)
        .containsExactly(
            tuple("public/default", "clicks", Map.of("partitions", "2")),
            tuple("public/default", "orders", Map.of()),
            tuple("public/functions", "assignments", Map.of()));
  }

  @Test
  void aScanWithAWrongTokenFailsWithoutEchoingIt() {
    ScanResult scan =
        TestFamilies.scanner("pulsar")
            .scan(
                connection(adminUrl(), null),
                token("not-the-token-1207"),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(scan).isEqualTo(ScanResult.failure("the admin API refused a token (HTTP 401)"));
  }

  private static String adminUrl() {
    return "http://127.0.0.1:" + admin.port();
  }

  private static CheckReport check(String adminUrl, String tenant, String token) {
    return TestFamilies.check("pulsar")
        .check(connection(adminUrl, tenant), token(token), TIMEOUT, TestEgress.local());
  }

  private static SourceConnection connection(String adminUrl, String tenant) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("adminUrl", adminUrl);
    fields.put("serviceUrl", "pulsar://127.0.0.1:6650");
    if (tenant != null) {
      fields.put("tenant", tenant);
    }
    return new SourceConnection("pulsar", fields);
  }

  private static Credentials token(String token) {
    return new Credentials(Map.of("token", token), Map.of());
  }
}
