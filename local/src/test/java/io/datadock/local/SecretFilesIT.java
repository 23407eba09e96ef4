package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.LoginFiles;
import io.datadock.connectors.TlsPostgres;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret's files reach the connection: a PostgreSQL server with {@code ssl=on} that takes the
 * depot's user only over TLS from 127.0.0.1, with a password and a client certificate its CA signed
 * ({@code hostssl ... clientcert=verify-full}). The depot's secret carries the CA ({@code
 * sslrootcert}) and the client certificate and key ({@code sslcert}, {@code sslkey}); the check and
 * the catalog scan log in with them. The files' contents never show in a response, an event or the
 * log, and nothing stays on disk after the logins.
 */
class SecretFilesIT extends PlatformIT {

  private static final String USER = "tls_app";
  private static final String PASSWORD = "tls-app-pw-3381";

  @TempDir static Path pgDir;
  static TlsPostgres postgres;
  static TopicRecorder<DepotEvent> depotEvents;

  @BeforeAll
  static void startPostgres() {
    postgres = TlsPostgres.start(pgDir);
    postgres.sql(
        "CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'",
        "CREATE DATABASE shop",
        "GRANT CONNECT ON DATABASE shop TO " + USER);
    postgres.sqlIn(
        "shop",
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.orders (id bigint PRIMARY KEY, amount numeric(10,2))",
        "GRANT USAGE ON SCHEMA sales TO " + USER,
        "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO " + USER);
    depotEvents = new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.DEPOT_EVENTS);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (depotEvents != null) {
      depotEvents.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aTlsPostgresDepotBecomesActiveWithTheSecretsCaAndClientCertificateAndIsScanned()
      throws Exception {
    Map<String, byte[]> files = postgres.files(USER);
    applySecret("tls-cred", files);

    JsonObject applied = applyAndWait(depot("tlsdepot", "default:tls-cred"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = new JsonObject(api.get("/api/v1/resources/depot/tlsdepot").body());
    assertThat(step(depot, "resolve credentials").getString("message"))
        .endsWith("(keys [password, username], files [sslcert, sslkey, sslrootcert])");
    assertThat(step(depot, "authenticate").getString("message"))
        .isEqualTo("authenticated as user '" + USER + "'");

    // the scan (purpose scan) logs in with the same files
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api.get(
                                "/api/v1/datasets/"
                                    + URLEncoder.encode(
                                        "dataos://tlsdepot/sales/orders", StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200));

    // the files lived for the logins only
    await().atMost(Duration.ofSeconds(10)).until(SecretFilesIT::noLoginFiles);
    assertNoFileContentShown(files);
  }

  @Test
  void theSameSecretWithoutItsFilesCannotLogIn() {
    applySecret("tls-nofiles", Map.of());

    JsonObject applied = applyAndWait(depot("tls-nofiles-depot", "default:tls-nofiles"));

    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(applied.getString("message")).contains("'authenticate'");
  }

  @Test
  void aDataOsInstanceSecretCarriesTheFilesToo() throws Exception {
    Map<String, byte[]> files = postgres.files(USER);
    for (String acl : List.of("r", "rw")) {
      StringBuilder yaml =
          new StringBuilder(
              """
              name: tlsinst-%s
              version: v1
              type: instance-secret
              layer: user
              instance-secret:
                type: key-value-properties
                acl: %s
                data: {username: %s, password: %s}
                files:
              """
                  .formatted(acl, acl, USER, PASSWORD));
      files.forEach(
          (name, content) ->
              yaml.append("    ")
                  .append(name)
                  .append(": ")
                  .append(Base64.getEncoder().encodeToString(content))
                  .append('\n'));
      assertThat(api.applyYaml(yaml.toString(), "").status()).isEqualTo(200);
    }

    JsonObject applied =
        applyAndWait(
            """
            name: tlsinst
            version: v2alpha
            type: depot
            layer: user
            depot:
              type: POSTGRESQL
              secrets:
                - {name: tlsinst-r, keys: [tlsinst-r]}
                - {name: tlsinst-rw, keys: [tlsinst-rw]}
              postgresql: {host: 127.0.0.1, port: %d, database: shop}
            """
                .formatted(postgres.port()));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    assertNoFileContentShown(files);
  }

  private static void applySecret(String name, Map<String, byte[]> files) {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: %s
            version: v2alpha
            type: secret
            secret:
              type: key-value
              data: {username: %s, password: %s}
            """
                .formatted(name, USER, PASSWORD));
    if (!files.isEmpty()) {
      yaml.append("  files:\n");
      files.forEach(
          (file, content) ->
              yaml.append("    ")
                  .append(file)
                  .append(": ")
                  .append(Base64.getEncoder().encodeToString(content))
                  .append('\n'));
    }
    Api.Response response = api.applyYaml(yaml.toString(), "");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static String depot(String name, String secretId) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: postgres
          spec: {host: 127.0.0.1, port: %d, database: shop}
          secrets:
            - {id: "%s", purpose: rw}
        """
        .formatted(name, postgres.port(), secretId);
  }

  private static JsonObject applyAndWait(String yaml) {
    Api.Response response = api.applyYaml(yaml, "?wait=true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return firstResult(response);
  }

  private static JsonObject step(JsonObject depot, String name) {
    JsonArray steps = depot.getJsonObject("details").getJsonObject("check").getJsonArray("steps");
    for (int i = 0; i < steps.size(); i++) {
      if (steps.getJsonObject(i).getString("name").equals(name)) {
        return steps.getJsonObject(i);
      }
    }
    throw new AssertionError("no step " + name + " in " + steps);
  }

  private static boolean noLoginFiles() throws Exception {
    try (Stream<Path> left = Files.list(LoginFiles.root())) {
      return left.findAny().isEmpty();
    }
  }

  /**
   * No line of a file's content (base64 lines of PEM bodies, and the base64 the manifest carried)
   * in any API response, depot event or the log so far.
   */
  private static void assertNoFileContentShown(Map<String, byte[]> files) throws Exception {
    List<String> markers = new ArrayList<>();
    files
        .values()
        .forEach(
            content -> {
              markers.add(Base64.getEncoder().encodeToString(content).substring(0, 40));
              new String(content, StandardCharsets.US_ASCII)
                  .lines()
                  .filter(l -> l.length() >= 40 && !l.startsWith("-----"))
                  .forEach(markers::add);
            });
    List<String> places = new ArrayList<>(api.seenBodies());
    depotEvents.values(r -> true).forEach(e -> places.add(e.toString()));
    Path log = Path.of(System.getProperty("datadock.it.log", "target/it-logs/datadock-it.log"));
    if (Files.exists(log)) {
      places.add(Files.readString(log, StandardCharsets.ISO_8859_1));
    }
    for (String place : places) {
      for (String marker : markers) {
        assertThat(place.contains(marker)).as("file content found").isFalse();
      }
    }
  }
}
