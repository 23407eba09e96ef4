package io.datadock.connectors;

import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listener on 127.0.0.2 that counts the connections it accepts, and a policy that denies
 * 127.0.0.2/32 ({@code DATADOCK_EGRESS_DENY=127.0.0.2/32}): every networked check and scan fails
 * with the policy's message and the listener never sees a connection, neither from the reach probe
 * nor from a driver that resolves the name again when it connects.
 */
class DeniedAddressTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String DENIAL = "egress denied: 127.0.0.2 is in 127.0.0.2/32";

  private final Egress denying = TestEgress.denying("127.0.0.2/32");
  private final Egress allowing = TestEgress.denying();
  private CountingListener listener;

  static List<String> networkedTypes() {
    return List.of(
        "postgres",
        "mysql",
        "mssql",
        "oracle",
        "redshift",
        "jdbc",
        "kafka",
        "abfss",
        "eventhub",
        "elasticsearch",
        "mongodb",
        "pulsar",
        "gcs",
        "bigquery",
        "snowflake");
  }

  @BeforeEach
  void listen() throws IOException {
    listener = new CountingListener("127.0.0.2");
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  @ParameterizedTest
  @MethodSource("networkedTypes")
  void aCheckOfADeniedAddressFailsAtReachHostWithoutConnecting(String type) {
    CheckReport report =
        TestFamilies.check(type).check(connection(type), credentials(), TIMEOUT, denying);

    assertThat(step(report, CheckSteps.REACH).status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(report, CheckSteps.REACH).message()).isEqualTo(DENIAL);
    assertSkippedAfterFailure(report);
    assertThat(listener.accepted()).isZero();
  }

  @ParameterizedTest
  @MethodSource("networkedTypes")
  void aScanOfADeniedAddressFailsWithoutConnecting(String type) {
    ScanResult result =
        TestFamilies.scanner(type)
            .scan(connection(type), credentials(), ScanFilter.all(), TIMEOUT, denying);

    assertThat(result).isEqualTo(ScanResult.failure(DENIAL));
    assertThat(listener.accepted()).isZero();
  }

  /** pgjdbc, Redshift, SQL Server and MariaDB resolve the name again: their sockets ask again. */
  @ParameterizedTest
  @ValueSource(strings = {"postgres", "redshift", "mssql", "mysql", "jdbc"})
  void aDriverThatResolvesTheNameAgainIsDeniedWhenItConnects(String type) {
    JdbcLogin login = TestFamilies.login(type);

    // the reach step is left out: the login alone meets the denial, in the driver's socket
    assertThatThrownBy(
            () ->
                login.open(
                    connection(type), credentials(), denying.gate(), Deadline.after(TIMEOUT)))
        .isInstanceOf(JdbcLogin.Refused.class)
        .hasMessage(DENIAL);
    assertThat(listener.accepted()).isZero();
  }

  @Test
  void theSameLoginUnderAnAllowingPolicyReachesTheListener() {
    JdbcLogin login = TestFamilies.login("postgres");
    try {
      Connection unexpected =
          login.open(
              connection("postgres"), credentials(), allowing.gate(), Deadline.after(TIMEOUT));
      JdbcLogin.closeQuietly(unexpected);
    } catch (JdbcLogin.Refused refused) {
      // the listener is no PostgreSQL server: the login fails, after connecting
    }
    assertThat(listener.accepted()).isEqualTo(1);
  }

  @Test
  void aParamThatWouldReplaceTheCheckingSocketFactoryIsRefused() {
    Map<String, Object> fields =
        Map.of(
            "host",
            "127.0.0.2",
            "port",
            listener.port(),
            "database",
            "d",
            "params",
            Map.of("socketFactory", "javax.net.DefaultSocketFactory"));

    assertThatThrownBy(
            () ->
                TestFamilies.login("postgres")
                    .open(
                        new SourceConnection("postgres", fields),
                        credentials(),
                        allowing.gate(),
                        Deadline.after(TIMEOUT)))
        .isInstanceOf(JdbcLogin.Refused.class)
        .hasMessage("param 'socketFactory' is not allowed: Datadock sets the driver's sockets");
    assertThat(listener.accepted()).isZero();
  }

  private SourceConnection connection(String type) {
    int port = listener.port();
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.2");
    fields.put("port", port);
    fields.put("database", "d");
    fields.put("service", "s");
    fields.put("subprotocol", type.equals("jdbc") ? "postgresql" : "");
    fields.put("brokers", List.of("127.0.0.2:" + port));
    fields.put("account", "deniedacct");
    fields.put("container", "denied");
    fields.put("bucket", "denied");
    fields.put("project", "denied");
    fields.put("nodes", List.of("http://127.0.0.2:" + port));
    fields.put("adminUrl", "http://127.0.0.2:" + port);
    fields.put("url", "http://127.0.0.2:" + port);
    fields.put("warehouse", "w");
    fields.put("endpoint", (type.equals("eventhub") ? "sb://" : "http://") + "127.0.0.2:" + port);
    return new SourceConnection(type, fields);
  }

  private static Credentials credentials() {
    return new Credentials(
        Map.of(
            "username", "u",
            "password", "Denied-pw-4412",
            "azurestorageaccountkey", "RGVuaWVkLWtleS00NDEy",
            "eh_shared_access_key_name", "k",
            "eh_shared_access_key", "Denied-key-4412"),
        Map.of());
  }
}
