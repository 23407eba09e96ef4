package io.datadock.connectors.snowflake;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.DATABASE;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.CheckSteps.ROLE;
import static io.datadock.connectors.CheckSteps.WAREHOUSE;
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
import io.datadock.connectors.TestEgress;
import io.datadock.connectors.TestFamilies;
import io.datadock.connectors.TestRestServer;
import io.datadock.connectors.TestServiceAccount;
import io.datadock.connectors.TestSnowflakeServer;
import io.datadock.runtime.kafka.FreePorts;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SnowflakeCheck} against {@link TestSnowflakeServer}, which checks the password or verifies
 * the key-pair JWT's signature and claims and answers Snowflake's documented login JSON. No
 * Snowflake runs here: the protocol is verified, not Snowflake's service.
 */
class SnowflakeCheckTest {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String PASSWORD = "Sn0w-pw-7731!";
  static final TestServiceAccount KEYS = TestServiceAccount.create("key-user");
  static TestSnowflakeServer snowflake;

  @BeforeAll
  static void start() throws Exception {
    snowflake =
        TestSnowflakeServer.start("acme")
            .user("sales_reader", PASSWORD, "ANALYST")
            .user("key_reader", KEYS.publicKey(), "ANALYST")
            .warehouse("COMPUTE_WH")
            .warehouse("BIG_WH")
            .grant("ANALYST", "COMPUTE_WH", "SALES_DB")
            .table("SALES_DB", "PUBLIC", "ORDERS", "BASE TABLE", 42, "ID NUMBER NOT NULL")
            .table("HR_DB", "PUBLIC", "PEOPLE", "BASE TABLE", 3, "ID NUMBER NOT NULL");
  }

  @AfterAll
  static void stop() {
    snowflake.close();
  }

  @Test
  void thePasswordLoginPassesEveryStepWithTheSessionsWarehouseDatabaseAndRole() {
    CheckReport report = check(connection("SALES_DB", "COMPUTE_WH", "ANALYST"), password(PASSWORD));

    assertThat(statuses(report))
        .as(report.toString())
        .containsExactly(PASSED, PASSED, PASSED, PASSED, PASSED);
    assertThat(step(report, REACH).message()).isEqualTo("reached 127.0.0.1:" + snowflake.port());
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo("user 'sales_reader' logged in to account 'acme'");
    assertThat(step(report, WAREHOUSE).message()).isEqualTo("warehouse 'COMPUTE_WH' in use");
    assertThat(step(report, DATABASE).message()).isEqualTo("database 'SALES_DB' in use");
    assertThat(step(report, ROLE).message()).isEqualTo("role 'ANALYST' in use");
  }

  @Test
  void aWrongPasswordFailsAtAuthenticateWithSnowflakesCodeAndNotThePassword() {
    String wrong = "Wrong-pw-0192!";
    CheckReport report = check(connection("SALES_DB", "COMPUTE_WH", "ANALYST"), password(wrong));

    assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(report, AUTHENTICATE).message())
        .isEqualTo(
            "Snowflake refused user 'sales_reader': incorrect username or password (390100)");
    assertNoSecretIn(report, wrong, PASSWORD);
  }

  @Test
  void theKeyPairsJwtIsVerifiedByTheServerAndAnotherKeyIsRefused() throws Exception {
    CheckReport signed = check(connection("SALES_DB", "COMPUTE_WH", "ANALYST"), key(KEYS));
    TestServiceAccount impostor = TestServiceAccount.create("impostor");
    CheckReport refused = check(connection("SALES_DB", "COMPUTE_WH", "ANALYST"), key(impostor));

    assertThat(statuses(signed)).as(signed.toString()).containsOnly(PASSED);
    assertThat(step(signed, AUTHENTICATE).message())
        .startsWith("user 'key_reader' (key pair SHA256:")
        .endsWith(") logged in to account 'acme'");
    assertThat(statuses(refused)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(refused, AUTHENTICATE).message())
        .endsWith(": the user's public key is not this key's (390144)");
    assertNoSecretIn(refused, impostor.privateKeyLines().toArray(String[]::new));
    assertNoSecretIn(signed, KEYS.privateKeyLines().toArray(String[]::new));
  }

  @Test
  void anEncryptedKeyOpensWithItsPassphraseAndNotWithAnother() throws Exception {
    String pem = encrypted(KEYS, "Key-passphrase-55");
    Map<String, byte[]> files = Map.of("key", pem.getBytes(StandardCharsets.US_ASCII));

    CheckReport opened =
        check(
            connection("SALES_DB", "COMPUTE_WH", "ANALYST"),
            new Credentials(
                Map.of("username", "key_reader", "passphrase", "Key-passphrase-55"), files));
    CheckReport shut =
        check(
            connection("SALES_DB", "COMPUTE_WH", "ANALYST"),
            new Credentials(Map.of("username", "key_reader", "passphrase", "Not-it-0000"), files));

    assertThat(statuses(opened)).as(opened.toString()).containsOnly(PASSED);
    assertThat(statuses(shut)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(shut, AUTHENTICATE).message())
        .isEqualTo("the secret's encrypted private key does not open with its 'passphrase'");
    assertNoSecretIn(shut, "Not-it-0000", "Key-passphrase-55");
    assertNoSecretIn(shut, pem.lines().filter(l -> !l.startsWith("-----")).toArray(String[]::new));
  }

  @Test
  void aWarehouseNotGrantedFailsAtOpenWarehouse() {
    CheckReport report = check(connection("SALES_DB", "BIG_WH", "ANALYST"), password(PASSWORD));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, FAILED, SKIPPED, SKIPPED);
    assertThat(step(report, WAREHOUSE).message())
        .isEqualTo("warehouse 'BIG_WH' does not exist or is not granted to the session's role");
    assertSkippedAfterFailure(report);
  }

  @Test
  void aDatabaseNotGrantedFailsAtOpenDatabase() {
    CheckReport report = check(connection("HR_DB", "COMPUTE_WH", "ANALYST"), password(PASSWORD));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, PASSED, FAILED, SKIPPED);
    assertThat(step(report, DATABASE).message())
        .isEqualTo("database 'HR_DB' does not exist or is not granted to the session's role");
  }

  @Test
  void aRoleNotGrantedFailsAtUseRoleWithTheCredentialsAccepted() {
    CheckReport report =
        check(connection("SALES_DB", "COMPUTE_WH", "SYSADMIN"), password(PASSWORD));

    assertThat(statuses(report)).containsExactly(PASSED, PASSED, SKIPPED, SKIPPED, FAILED);
    assertThat(step(report, ROLE).message())
        .isEqualTo("role 'SYSADMIN' is not granted to user 'sales_reader' (390189)");
  }

  @Test
  void aClosedPortFailsToReach() {
    int closed = FreePorts.pick();
    Map<String, Object> fields = fields("SALES_DB", "COMPUTE_WH", "ANALYST");
    fields.put("url", "http://127.0.0.1:" + closed);

    CheckReport report = check(new SourceConnection("snowflake", fields), password(PASSWORD));

    assertThat(statuses(report)).containsExactly(FAILED, SKIPPED, SKIPPED, SKIPPED, SKIPPED);
    assertThat(step(report, REACH).message())
        .isEqualTo("cannot reach 127.0.0.1:" + closed + ": connection refused");
  }

  @Test
  void anUntrustedCertificateFailsAtAuthenticateWithoutSendingThePassword() throws Exception {
    try (TestRestServer tls = TestRestServer.untrustedHttps()) {
      Map<String, Object> fields = fields("SALES_DB", "COMPUTE_WH", "ANALYST");
      fields.put("url", "https://127.0.0.1:" + tls.port());

      CheckReport report = check(new SourceConnection("snowflake", fields), password(PASSWORD));

      assertThat(statuses(report)).containsExactly(PASSED, FAILED, SKIPPED, SKIPPED, SKIPPED);
      assertThat(step(report, AUTHENTICATE).message())
          .startsWith("TLS handshake with https://127.0.0.1:" + tls.port() + " failed");
      assertNoSecretIn(report, PASSWORD);
    }
  }

  @Test
  void aUrlThatIsNotUsableFailsAtReachWithoutConnecting() {
    Map<String, Object> plain = fields("SALES_DB", "COMPUTE_WH", "ANALYST");
    plain.put("url", "http://acme.snowflakecomputing.com");
    Map<String, Object> noAccount = fields("SALES_DB", "COMPUTE_WH", "ANALYST");
    noAccount.remove("account");

    assertThat(
            step(check(new SourceConnection("snowflake", plain), password(PASSWORD)), REACH)
                .message())
        .isEqualTo("url must be https (http only to a loopback address)");
    assertThat(
            step(check(new SourceConnection("snowflake", noAccount), password(PASSWORD)), REACH)
                .message())
        .isEqualTo("the connection has no 'account' and its url's host does not name one");
  }

  @Test
  void theAccountIsTheUrlsFirstLabelWhenNotGivenAndTheJwtNamesItsLocator() {
    Map<String, Object> fields = fields("SALES_DB", "COMPUTE_WH", null);
    fields.remove("account");
    fields.put("url", "xy12345.us-east-1.snowflakecomputing.com");

    SnowflakeAccount account = SnowflakeAccount.of(new SourceConnection("snowflake", fields));

    assertThat(account.server().toString())
        .isEqualTo("https://xy12345.us-east-1.snowflakecomputing.com:443");
    assertThat(account.account()).isEqualTo("xy12345");
    assertThat(account.jwtAccount()).isEqualTo("XY12345");
    assertThat(account.role()).isEqualTo("PUBLIC");
    assertThat(SnowflakeFamily.destinations(new SourceConnection("snowflake", fields)))
        .singleElement()
        .hasToString("xy12345.us-east-1.snowflakecomputing.com:443");
  }

  /** The key as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it: PBES2, PEM. */
  static String encrypted(TestServiceAccount keys, String passphrase) throws Exception {
    String scheme = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    new SecureRandom().nextBytes(salt);
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance(scheme);
    cipher.init(
        Cipher.ENCRYPT_MODE,
        SecretKeyFactory.getInstance(scheme)
            .generateSecret(new PBEKeySpec(passphrase.toCharArray())),
        new PBEParameterSpec(salt, 2048, new IvParameterSpec(iv)));
    byte[] sealed = cipher.doFinal(keys.keys().getPrivate().getEncoded());
    // named PBES2 (its OID) for the encoding, as OpenSSL writes it
    AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
    pbes2.init(cipher.getParameters().getEncoded());
    byte[] der = new EncryptedPrivateKeyInfo(pbes2, sealed).getEncoded();
    return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
  }

  static CheckReport check(SourceConnection connection, Credentials credentials) {
    return TestFamilies.check("snowflake")
        .check(connection, credentials, TIMEOUT, TestEgress.local());
  }

  static SourceConnection connection(String database, String warehouse, String role) {
    return new SourceConnection("snowflake", fields(database, warehouse, role));
  }

  static Map<String, Object> fields(String database, String warehouse, String role) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("url", snowflake.url());
    fields.put("account", "acme");
    fields.put("database", database);
    fields.put("warehouse", warehouse);
    if (role != null) {
      fields.put("role", role);
    }
    return fields;
  }

  static Credentials password(String password) {
    return new Credentials(Map.of("username", "sales_reader", "password", password), Map.of());
  }

  static Credentials key(TestServiceAccount keys) {
    return new Credentials(
        Map.of("username", "key_reader"),
        Map.of("key", keys.privateKeyPem().getBytes(StandardCharsets.US_ASCII)));
  }
}
