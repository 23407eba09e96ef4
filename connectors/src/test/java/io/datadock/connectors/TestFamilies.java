package io.datadock.connectors;

import io.datadock.connectors.family.SourceFamilies;
import io.datadock.connectors.jdbc.JdbcFamily;
import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The registry's check, scanner and JDBC login of a canonical type name, for parameterized tests.
 */
public final class TestFamilies {

  private static final JdbcFamily JDBC = new JdbcFamily();

  private TestFamilies() {}

  /** The types whose checks and scans go over the network, one of each family's kinds. */
  public static Stream<String> networked() {
    return Stream.of(
        "postgres",
        "mysql",
        "mssql",
        "oracle",
        "redshift",
        "jdbc",
        "kafka",
        "s3",
        "abfss",
        "eventhub",
        "elasticsearch",
        "mongodb",
        "pulsar",
        "gcs",
        "bigquery",
        "snowflake");
  }

  /**
   * Credentials every networked family takes, each secret value made from {@code password}: a user
   * name and password (SASL over plaintext for Kafka), S3 keys, an Azure account key, an Event Hubs
   * shared access key (GCS's key file: {@link #credentials(String, int)}).
   */
  public static Credentials credentials(String password) {
    return new Credentials(
        Map.of(
            "username",
            "u",
            "password",
            password,
            "accesskeyid",
            "silent-key-id",
            "secretkey",
            password,
            "azurestorageaccountkey",
            accountKey(password),
            "eh_shared_access_key_name",
            "RootManageSharedAccessKey",
            "eh_shared_access_key",
            password,
            "security_protocol",
            "SASL_PLAINTEXT"),
        Map.of());
  }

  /** One service account for every test that needs a key file and does not care whose. */
  private static final class Google {
    static final TestServiceAccount ACCOUNT =
        TestServiceAccount.create("silent@datadock-test.iam.gserviceaccount.com");
  }

  /**
   * {@link #credentials(String)} and a service account's key file ({@code json_keyfile}) whose
   * token endpoint is on 127.0.0.1:{@code port}.
   */
  public static Credentials credentials(String password, int port) {
    Map<String, byte[]> files =
        Map.of("json_keyfile", Google.ACCOUNT.keyFile("http://127.0.0.1:" + port + "/token"));
    return new Credentials(credentials(password).data(), files);
  }

  /** The lines of the private key in {@link #credentials(String, int)}'s key file. */
  public static String[] privateKeyLines() {
    return Google.ACCOUNT.privateKeyLines().toArray(String[]::new);
  }

  /** An Azure account key (base64, else a check stops before the network) made from a password. */
  public static String accountKey(String password) {
    return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
  }

  public static ConnectionCheck check(String canonicalType) {
    return SourceFamilies.check(type(canonicalType)).orElseThrow();
  }

  public static MetadataScanner scanner(String canonicalType) {
    return SourceFamilies.scanner(type(canonicalType)).orElseThrow();
  }

  public static JdbcLogin login(String canonicalType) {
    return JDBC.login(type(canonicalType)).orElseThrow();
  }

  private static SourceType type(String canonicalType) {
    return SourceType.ofCanonical(canonicalType).orElseThrow();
  }
}
