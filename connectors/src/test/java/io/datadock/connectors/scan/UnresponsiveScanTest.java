package io.datadock.connectors.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.runtime.kafka.FreePorts;
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
 * Every networked scanner against a port that accepts TCP connections but never answers, and
 * against a port nobody listens on: an incomplete, empty result within the timeout, no secret.
 */
class UnresponsiveScanTest {

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
  void aSilentServerEndsTheScanWithinItsTimeout(String type) {
    long started = System.nanoTime();
    ScanResult result = scan(type, silent.getLocalPort());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(TIMEOUT.plusMillis(1500));
    assertFailedWithoutSecret(result);
  }

  @ParameterizedTest
  @MethodSource("io.datadock.connectors.TestFamilies#networked")
  void aPortNobodyListensOnIsNamed(String type) {
    int unused = FreePorts.pick();
    ScanResult result = scan(type, unused);

    assertFailedWithoutSecret(result);
    assertThat(result.errors())
        .containsExactly("cannot reach 127.0.0.1:" + unused + ": connection refused");
  }

  private static void assertFailedWithoutSecret(ScanResult result) {
    assertThat(result.complete()).isFalse();
    assertThat(result.datasets()).isEmpty();
    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0))
        .doesNotContain(PASSWORD)
        .doesNotContain(ACCOUNT_KEY)
        .doesNotContain(TestFamilies.privateKeyLines());
  }

  private static ScanResult scan(String type, int port) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", port);
    fields.put("database", "d");
    fields.put("service", "s");
    fields.put("brokers", List.of("127.0.0.1:" + port));
    fields.put("bucket", "b");
    fields.put("project", "p");
    fields.put("endpoint", (type.equals("eventhub") ? "sb://" : "http://") + "127.0.0.1:" + port);
    fields.put("nodes", List.of("127.0.0.1:" + port));
    fields.put("adminUrl", "http://127.0.0.1:" + port);
    fields.put("url", "http://127.0.0.1:" + port);
    fields.put("warehouse", "w");
    fields.put("account", "silentacct");
    fields.put("container", "silent");
    if (type.equals("jdbc")) {
      fields.put("subprotocol", "postgresql");
    }
    Credentials credentials = TestFamilies.credentials(PASSWORD, port);
    return TestFamilies.scanner(type)
        .scan(
            new SourceConnection(type, fields),
            credentials,
            ScanFilter.all(),
            TIMEOUT,
            TestEgress.local());
  }
}
