package io.datadock.connectors.jdbc;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.ReportAssertions.assertNoSecretIn;
import static io.datadock.connectors.ReportAssertions.statuses;
import static io.datadock.connectors.ReportAssertions.step;
import static io.datadock.connectors.StepStatus.FAILED;
import static io.datadock.connectors.StepStatus.PASSED;
import static io.datadock.connectors.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.LoginFiles;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TestCertificates;
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TlsPostgres;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL over TLS with the secret's files: a real server ({@code ssl=on}) that lets the user in
 * only over TLS from 127.0.0.1 with a password and a client certificate, checked against the
 * secret's CA ({@code sslrootcert}) with the secret's client certificate and key ({@code sslcert},
 * {@code sslkey}). The files live on disk only for the login.
 */
class PostgresTlsCheckIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final String USER = "tls_reader";
  private static final String PASSWORD = "Tls-pw-6620";

  @TempDir static Path dir;
  private static TlsPostgres postgres;

  @BeforeAll
  static void start() {
    postgres = TlsPostgres.start(dir);
    postgres.sql(
        "CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'",
        "CREATE DATABASE shop",
        "GRANT CONNECT ON DATABASE shop TO " + USER);
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void noLoginFileIsLeftOnDisk() throws IOException {
    try (Stream<Path> left = Files.list(LoginFiles.root())) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void theSecretsCaAndClientCertificateLetThePostgresCheckIn() {
    Map<String, byte[]> files = postgres.files(USER);
    CheckReport report = check("postgres", files, Map.of());

    assertThat(report.passed()).as(report.toString()).isTrue();
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("authenticated as user '" + USER + "'");
    assertNoSecretIn(report, PASSWORD, pemBody(files.get("sslkey")), pemBody(files.get("sslcert")));
  }

  @Test
  void aGenericJdbcDepotOnPostgresqlAndAnExplicitSslmodeUseThemToo() {
    assertThat(check("jdbc", postgres.files(USER), Map.of()).passed()).isTrue();
    assertThat(check("postgres", postgres.files(USER), Map.of("sslmode", "verify-ca")).passed())
        .isTrue();
  }

  @Test
  void aKeyInPkcs8DerAndFileNamesInAnyCaseWorkAlike() {
    TestCertificates.Issued client = postgres.authority().client(USER);
    Map<String, byte[]> files = new HashMap<>();
    files.put("SSLRootCert", postgres.authority().ca().certificatePem());
    files.put("sslcert", client.certificatePem());
    files.put("sslkey", client.keyDer());

    assertThat(check("postgres", files, Map.of()).passed()).isTrue();
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefusedAtAuthenticate() {
    Map<String, byte[]> files = postgres.files(USER);
    files.put("sslrootcert", TestCertificates.authority("Someone Else").ca().certificatePem());

    CheckReport report = check("postgres", files, Map.of());

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .startsWith("cannot connect: SSL error: PKIX path building failed");
    assertNoSecretIn(report, PASSWORD, pemBody(files.get("sslkey")));
  }

  @Test
  void withoutTheClientCertificateTheServerRefusesTheLogin() {
    Map<String, byte[]> files = postgres.files(USER);
    files.remove("sslcert");
    files.remove("sslkey");

    CheckReport report = check("postgres", files, Map.of());

    // TLS was set up with the CA alone (no client certificate offered): the server says no
    assertThat(step(report, AUTHENTICATE).status()).isEqualTo(FAILED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("authentication failed for user '" + USER + "'");
  }

  @Test
  void theDepotsOwnSslmodeWinsOverTheDefault() {
    // sslmode=disable: no TLS, and the server takes this user only over TLS
    CheckReport report = check("postgres", postgres.files(USER), Map.of("sslmode", "disable"));

    assertThat(step(report, AUTHENTICATE).status()).isEqualTo(FAILED);
  }

  @Test
  void theMetadataScanLogsInWithTheSameFiles() {
    ScanResult result =
        TestFamilies.scanner("postgres")
            .scan(
                connection("postgres", Map.of()),
                new Credentials(
                    Map.of("username", USER, "password", PASSWORD), postgres.files(USER)),
                ScanFilter.all(),
                TIMEOUT,
                TestEgress.local());

    assertThat(result.errors()).isEmpty();
    assertThat(result.complete()).isTrue();
  }

  private static CheckReport check(
      String type, Map<String, byte[]> files, Map<String, String> params) {
    return (type.equals("jdbc") ? new GenericJdbcCheck() : new PostgresCheck())
        .check(
            connection(type, params),
            new Credentials(Map.of("username", USER, "password", PASSWORD), files),
            TIMEOUT,
            TestEgress.local());
  }

  private static SourceConnection connection(String type, Map<String, String> params) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", postgres.port());
    fields.put("database", "shop");
    fields.put("params", params);
    if (type.equals("jdbc")) {
      fields.put("subprotocol", "postgresql");
    }
    return new SourceConnection(type, fields);
  }

  /** A line from the middle of a PEM body: what a leak would show. */
  private static String pemBody(byte[] pem) {
    List<String> lines = new String(pem, StandardCharsets.US_ASCII).lines().toList();
    return lines.get(lines.size() / 2);
  }
}
