package io.datadock.connectors.kafka;

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
import io.datadock.connectors.TcpForwarder;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KafkaCheck} against the embedded KRaft broker. */
class KafkaCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private final KafkaCheck check = new KafkaCheck();

  @BeforeAll
  static void start() throws Exception {
    broker = EmbeddedKafkaBroker.start(dir, 0);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(Set.of(new NewTopic("orders", 1, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void goodBrokersPassEveryStep() {
    CheckReport report = check(List.of(broker.bootstrapServers()), Credentials.none(), TIMEOUT);

    assertThat(report.passed()).isTrue();
    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message())
        .isEqualTo("reached broker " + broker.bootstrapServers());
    assertThat(step(report, AUTHENTICATE).message())
        .startsWith("connected without credentials; cluster ")
        .endsWith(" with 1 broker");
    assertThat(step(report, LIST).message()).isEqualTo("1 topic visible");
  }

  @Test
  void aCommaSeparatedListIsReachedThroughItsFirstLiveBroker() {
    String dead = "127.0.0.1:" + FreePorts.pick();
    CheckReport report =
        check(dead + ", " + broker.bootstrapServers(), Credentials.none(), TIMEOUT);

    assertThat(report.passed()).isTrue();
    assertThat(step(report, REACH).message())
        .isEqualTo("reached broker " + broker.bootstrapServers());
  }

  @Test
  void aWrongPortFailsToReachFast() {
    int unused = FreePorts.pick();
    long started = System.nanoTime();
    CheckReport report = check(List.of("127.0.0.1:" + unused), Credentials.none(), TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + unused + ": connection refused");
    assertSkippedAfterFailure(report);
  }

  @Test
  void saslAgainstAPlaintextListenerFailsWithinTheTimeoutAndKeepsThePasswordOut() {
    String password = "Kafka-pw-8812";
    Duration timeout = Duration.ofSeconds(3);
    Credentials sasl =
        new Credentials(
            Map.of(
                "username", "alice",
                "password", password,
                "security_protocol", "SASL_PLAINTEXT",
                "sasl_mechanism", "SCRAM-SHA-256"),
            Map.of());

    long started = System.nanoTime();
    CheckReport report = check(List.of(broker.bootstrapServers()), sasl, timeout);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plusSeconds(1));
    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .startsWith("the cluster refused the SASL handshake: ");
    assertNoSecretIn(report, password);
  }

  @Test
  void aClusterWhoseMetadataNamesADeniedNodeFailsToReachBeforeTheListing() throws Exception {
    // reached at 127.0.0.3 (allowed), the broker advertises itself at 127.0.0.1 (denied)
    String advertised = broker.bootstrapServers();
    int port = Integer.parseInt(advertised.substring(advertised.lastIndexOf(':') + 1));
    Egress denyAdvertised =
        new Egress(
            EgressPolicy.of(
                EgressPolicy.Mode.LOCAL,
                List.of(),
                List.of(Cidr.parse("127.0.0.1/32")),
                new PlatformEndpoints()),
            FileRoots.of(List.of()));
    try (TcpForwarder front = TcpForwarder.start("127.0.0.3", "127.0.0.1", port)) {
      SourceConnection connection =
          new SourceConnection("kafka", Map.of("brokers", List.of("127.0.0.3:" + front.port())));

      CheckReport report = check.check(connection, Credentials.none(), TIMEOUT, denyAdvertised);
      ScanResult scan =
          new KafkaScanner()
              .scan(connection, Credentials.none(), ScanFilter.all(), TIMEOUT, denyAdvertised);

      assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED);
      assertThat(step(report, REACH).message())
          .isEqualTo("egress denied: 127.0.0.1 is in 127.0.0.1/32");
      assertThat(scan).isEqualTo(ScanResult.failure("egress denied: 127.0.0.1 is in 127.0.0.1/32"));
    }
  }

  private CheckReport check(Object brokers, Credentials credentials, Duration timeout) {
    return check.check(
        new SourceConnection("kafka", Map.of("brokers", brokers)),
        credentials,
        timeout,
        TestEgress.local());
  }
}
