package io.datadock.connectors;

import static io.datadock.connectors.ReportAssertions.assertNoSecretIn;
import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every networked check against a port that accepts TCP connections but never says a word: the
 * check must answer within its timeout, with "reach" passed and "authenticate" failed.
 */
class UnresponsiveServerTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final String PASSWORD = "Silent-pw-9137";

  private static final String ACCOUNT_KEY = TestFamilies.accountKey(PASSWORD);

  private static ServerSocket silent;

  @BeforeAll
  static void openASocketThatNeverAccepts() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterAll
  static void close() throws IOException {
    silent.close();
  }

  @ParameterizedTest
  @MethodSource("io.datadock.connectors.TestFamilies#networked")
  void checkAnswersWithinItsTimeout(String type) {
    int port = silent.getLocalPort();
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", port);
    fields.put("database", "d");
    fields.put("service", "s");
    fields.put("subprotocol", type.equals("jdbc") ? "postgresql" : defaultSubprotocol(type));
    fields.put("brokers", List.of("127.0.0.1:" + port));
    fields.put("bucket", "b");
    fields.put("project", "p");
    fields.put("endpoint", (type.equals("eventhub") ? "sb://" : "http://") + "127.0.0.1:" + port);
    fields.put("account", "silentacct");
    fields.put("container", "silent");
    fields.put("nodes", List.of("127.0.0.1:" + port));
    fields.put("adminUrl", "http://127.0.0.1:" + port);
    fields.put("url", "http://127.0.0.1:" + port);
    fields.put("warehouse", "w");
    Credentials credentials = TestFamilies.credentials(PASSWORD, port);

    long started = System.nanoTime();
    CheckReport report =
        TestFamilies.check(type)
            .check(new SourceConnection(type, fields), credentials, TIMEOUT, TestEgress.local());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(TIMEOUT.plusMillis(1500));
    assertThat(step(report, CheckSteps.REACH).status()).isEqualTo(StepStatus.PASSED);
    assertThat(step(report, CheckSteps.AUTHENTICATE).status()).isEqualTo(StepStatus.FAILED);
    assertSkippedAfterFailure(report);
    assertNoSecretIn(report, PASSWORD);
    assertNoSecretIn(report, ACCOUNT_KEY);
    assertNoSecretIn(report, TestFamilies.privateKeyLines());
  }

  private static String defaultSubprotocol(String type) {
    return switch (type) {
      case "postgres" -> "postgresql";
      case "mssql" -> "sqlserver";
      case "oracle" -> "oracle:thin";
      default -> type;
    };
  }
}
