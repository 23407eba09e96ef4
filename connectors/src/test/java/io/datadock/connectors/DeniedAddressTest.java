package io.datadock.connectors;

import static io.datadock.connectors.ReportAssertions.assertSkippedAfterFailure;
import static io.datadock.connectors.ReportAssertions.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.FileRoots;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  private final Egress denying = egress("127.0.0.2/32");
  private final Egress allowing = egress();
  private final AtomicInteger accepted = new AtomicInteger();
  private ServerSocket listener;

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "denied-address-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgres", "mysql", "mssql", "oracle", "redshift", "jdbc", "kafka", "abfss"})
  void aCheckOfADeniedAddressFailsAtReachHostWithoutConnecting(String type) {
    CheckReport report =
        TestFamilies.check(type).check(connection(type), credentials(), TIMEOUT, denying);

    assertThat(step(report, CheckSteps.REACH).status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(report, CheckSteps.REACH).message()).isEqualTo(DENIAL);
    assertSkippedAfterFailure(report);
    assertThat(accepted.get()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgres", "mysql", "mssql", "oracle", "redshift", "jdbc", "kafka", "abfss"})
  void aScanOfADeniedAddressFailsWithoutConnecting(String type) {
    ScanResult result =
        TestFamilies.scanner(type)
            .scan(connection(type), credentials(), ScanFilter.all(), TIMEOUT, denying);

    assertThat(result).isEqualTo(ScanResult.failure(DENIAL));
    assertThat(accepted.get()).isZero();
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
    assertThat(accepted.get()).isZero();
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
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void aParamThatWouldReplaceTheCheckingSocketFactoryIsRefused() {
    Map<String, Object> fields =
        Map.of(
            "host",
            "127.0.0.2",
            "port",
            listener.getLocalPort(),
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
    assertThat(accepted.get()).isZero();
  }

  private SourceConnection connection(String type) {
    int port = listener.getLocalPort();
    return new SourceConnection(
        type,
        Map.of(
            "host",
            "127.0.0.2",
            "port",
            port,
            "database",
            "d",
            "service",
            "s",
            "subprotocol",
            type.equals("jdbc") ? "postgresql" : "",
            "brokers",
            List.of("127.0.0.2:" + port),
            "account",
            "deniedacct",
            "container",
            "denied",
            "endpoint",
            "http://127.0.0.2:" + port));
  }

  private static Credentials credentials() {
    return new Credentials(
        Map.of(
            "username", "u",
            "password", "Denied-pw-4412",
            "azurestorageaccountkey", "RGVuaWVkLWtleS00NDEy"),
        Map.of());
  }

  private static Egress egress(String... deny) {
    return new Egress(
        EgressPolicy.of(
            EgressPolicy.Mode.LOCAL,
            List.of(),
            Cidr.parseAll(List.of(deny)),
            new PlatformEndpoints()),
        FileRoots.of(List.of()));
  }
}
