package io.datadock.connectors.mongodb;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
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

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CountingListener;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestRestServer;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.runtime.kafka.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@link MongoCheck} and {@link MongoScanner} with the real sync driver against what runs here: a
 * closed port, a TLS listener with an untrusted certificate, a listener that hangs up. No mongod
 * can run on these machines, so the login and the listing are verified only structurally; the
 * silent server is {@code UnresponsiveServerTest}'s, the denied address {@code
 * DeniedAddressTest}'s.
 */
class MongoCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String PASSWORD = "Mongo-pw-6620";

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    CheckReport report = check(connection("127.0.0.1:" + closed, Map.of()));

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void aCertificateTheJvmDoesNotTrustFailsAtAuthenticateWellWithinTheTimeout() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      long started = System.nanoTime();
      CheckReport report =
          check(connection("127.0.0.1:" + tls.port(), Map.of("params", Map.of("tls", "true"))));

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith("TLS handshake with 127.0.0.1:" + tls.port() + " failed: ");
      assertSkippedAfterFailure(report);
      assertNoSecretIn(report, PASSWORD);
    }
  }

  @Test
  void aServerThatHangsUpFailsAtAuthenticate() throws Exception {
    try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread closer =
          new Thread(
              () -> {
                while (!hangsUp.isClosed()) {
                  try (Socket ignored = hangsUp.accept()) {
                    // closed at once
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      closer.setDaemon(true);
      closer.start();

      CheckReport report = check(connection("127.0.0.1:" + hangsUp.getLocalPort(), Map.of()));

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith("cannot talk to 127.0.0.1:" + hangsUp.getLocalPort() + ": ");
      assertNoSecretIn(report, PASSWORD);
    }
  }

  @Test
  void theDriversOwnResolverIsTheEgressGate() throws Exception {
    try (CountingListener listener = new CountingListener("127.0.0.2")) {
      Endpoint node = new Endpoint("127.0.0.2", listener.port());
      Deadline deadline = Deadline.after(TIMEOUT);
      Credentials credentials = credentials();
      MongoLogin login = MongoLogin.of(connection(node.toString(), Map.of()), credentials);

      // the reach step is left out: the driver alone meets the denial, in its resolver
      try (MongoSession session =
          new MongoSession(
              node, login, TestEgress.denying("127.0.0.2/32").gate(), deadline, "test")) {
        Exception error =
            catchException(
                () -> session.client().getDatabase("admin").runCommand(new Document("ping", 1)));

        assertThat(session.problem(error, credentials))
            .isEqualTo("egress denied: 127.0.0.2 is in 127.0.0.2/32");
      }
      assertThat(listener.accepted()).isZero();
    }
  }

  @Test
  void mongodbSrvIsNotCheckedAndSaysSo() {
    CheckReport report =
        check(connection("cluster0.example.invalid", Map.of("subprotocol", "mongodb+srv")));

    assertThat(step(report, REACH).message())
        .isEqualTo(
            "mongodb+srv is not checked yet: list the hosts in 'nodes' with subprotocol mongodb");
  }

  @Test
  void aScanOfAnUntrustedTlsServerFailsWithTheHandshakesReason() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      ScanResult scan =
          TestFamilies.scanner("mongodb")
              .scan(
                  connection("127.0.0.1:" + tls.port(), Map.of("params", Map.of("ssl", "true"))),
                  credentials(),
                  ScanFilter.all(),
                  TIMEOUT,
                  TestEgress.local());

      assertThat(scan.complete()).isFalse();
      assertThat(scan.errors()).singleElement().asString().startsWith("TLS handshake with ");
    }
  }

  private static CheckReport check(SourceConnection connection) {
    return TestFamilies.check("mongodb")
        .check(connection, credentials(), TIMEOUT, TestEgress.local());
  }

  private static SourceConnection connection(String node, Map<String, Object> more) {
    Map<String, Object> fields = new java.util.HashMap<>(more);
    fields.put("nodes", List.of(node));
    return new SourceConnection("mongodb", fields);
  }

  private static Credentials credentials() {
    return new Credentials(Map.of("username", "reader", "password", PASSWORD), Map.of());
  }
}
