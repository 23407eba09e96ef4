package io.datadock.local;

import static io.datadock.local.SecretApiIT.errorOf;
import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestServiceAccount;
import io.datadock.connectors.TestSnowflakeServer;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Depots end to end: real HTTP, the embedded broker, secret-service and depot-service, and a real
 * PostgreSQL server the connection checks log in to.
 */
class DepotIT extends PlatformIT {

  private static final String PASSWORD = "pg-pass-Xk29";
  private static final String SNOWFLAKE_PASSWORD = "sf-secret-pw-Q83";

  @TempDir static Path pgDir;
  static TestPostgres postgres;
  static TopicRecorder<DepotEvent> depotEvents;

  @BeforeAll
  static void startPostgres() {
    postgres = TestPostgres.start(pgDir, PASSWORD);
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

  static String secret(String name, String username, String password) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {username: %s, password: "%s"}
        """
        .formatted(name, username, password);
  }

  /** A v1 instance secret as DataOS writes it. */
  static String instanceSecret(String name, String acl, String username, String password) {
    return """
        name: %s
        version: v1
        type: instance-secret
        layer: user
        instance-secret:
          type: key-value-properties
          acl: %s
          data: {username: %s, password: "%s"}
        """
        .formatted(name, acl, username, password);
  }

  /**
   * A postgres depot of DataOS's instance-secret shape, on the instance secrets {@code <secrets>-r}
   * and {@code <secrets>-rw}.
   */
  static String instanceSecretDepot(String name, String secrets, int port, String database) {
    return """
        name: %s
        version: v2alpha
        type: depot
        layer: user
        depot:
          type: POSTGRESQL
          external: true
          secrets:
            - {name: %s-r, keys: [%s-r]}
            - {name: %s-rw, keys: [%s-rw]}
          postgresql: {host: 127.0.0.1, port: %d, database: %s}
        """
        .formatted(name, secrets, secrets, secrets, secrets, port, database);
  }

  static String postgresDepot(String name, int port, String... secretIds) {
    StringBuilder refs = new StringBuilder();
    for (String id : secretIds) {
      refs.append("    - {id: \"").append(id).append("\", purpose: rw}\n");
    }
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: POSTGRESQL
          spec: {host: localhost, port: %d, database: %s}
          secrets:
        %s"""
        .formatted(name, port, TestPostgres.DATABASE, refs);
  }

  private static JsonObject applyAndWait(String yaml) {
    Api.Response response = api.applyYaml(yaml, "?wait=true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return firstResult(response);
  }

  private static JsonObject depot(String name) {
    Api.Response got = api.get("/api/v1/resources/depot/" + name);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    return new JsonObject(got.body());
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

  @Test
  void aPostgresDepotWithGoodCredentialsBecomesActiveAndProtectsItsSecret() {
    assertThat(api.applyYaml(secret("pg-cred", TestPostgres.USER, PASSWORD), "").status())
        .isEqualTo(200);

    JsonObject applied = applyAndWait(postgresDepot("pgdepot", postgres.port(), "default:pg-cred"));

    assertThat(applied.getString("outcome")).isEqualTo("created");
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = depot("pgdepot");
    assertThat(depot.getString("status")).isEqualTo("active");
    assertThat(step(depot, "resolve credentials").getString("status")).isEqualTo("passed");
    assertThat(step(depot, "authenticate").getString("status")).isEqualTo("passed");
    assertThat(
            depot
                .getJsonObject("details")
                .getJsonArray("references")
                .getJsonObject(0)
                .getString("state"))
        .isEqualTo("granted");
    assertThat(depot.encode()).doesNotContain(PASSWORD);

    Api.Response refused = api.delete("/api/v1/resources/secret/pg-cred");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(errorOf(refused).getString("message"))
        .isEqualTo("cannot delete resource, it is a dependency of 'depot:v2alpha:pgdepot'");

    assertThat(api.delete("/api/v1/resources/depot/pgdepot").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/resources/depot/pgdepot").status()).isEqualTo(404);
    // the depot's delete answered once its reference was released: no wait, no retry
    assertThat(api.delete("/api/v1/resources/secret/pg-cred").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(typesOf("default/depot/pgdepot"))
                    .containsSubsequence(
                        DepotEventType.DEPOT_APPLIED,
                        DepotEventType.DEPOT_ACTIVATED,
                        DepotEventType.DEPOT_DELETED));
    DepotEvent activated =
        depotEvents.valuesOf("default/depot/pgdepot").stream()
            .filter(e -> e.getType() == DepotEventType.DEPOT_ACTIVATED)
            .findFirst()
            .orElseThrow();
    assertThat(activated.getSourceType()).isEqualTo("postgres");
    assertThat(activated.getConnection()).contains("\"database\":\"orders\"");
    assertThat(activated.getVerified()).isTrue();
  }

  @Test
  void aWrongPasswordPutsTheDepotInErrorNamingTheAuthenticationStep() {
    api.applyYaml(secret("pg-wrong", TestPostgres.USER, "not-the-password"), "");

    JsonObject applied =
        applyAndWait(postgresDepot("pg-wrong-pw", postgres.port(), "default:pg-wrong"));

    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(applied.getString("message")).contains("'authenticate'");
    JsonObject depot = depot("pg-wrong-pw");
    assertThat(step(depot, "authenticate").getString("status")).isEqualTo("failed");
    assertThat(depot.encode()).doesNotContain("not-the-password");
  }

  @Test
  void aWrongPortFailsAtTheReachStep() {
    api.applyYaml(secret("pg-port", TestPostgres.USER, PASSWORD), "");
    int unused = io.datadock.runtime.kafka.FreePorts.pick();

    JsonObject applied = applyAndWait(postgresDepot("pg-wrong-port", unused, "default:pg-port"));

    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(step(depot("pg-wrong-port"), "reach host").getString("status")).isEqualTo("failed");
  }

  @Test
  void aUserWithoutConnectOnTheDatabaseFailsAtThePermissionStep() {
    postgres.sql(
        "CREATE USER outsider WITH PASSWORD 'outsider-pw'",
        "REVOKE CONNECT ON DATABASE orders FROM PUBLIC");
    api.applyYaml(secret("outsider-cred", "outsider", "outsider-pw"), "");

    JsonObject applied =
        applyAndWait(postgresDepot("pg-outsider", postgres.port(), "default:outsider-cred"));

    assertThat(applied.getString("status")).isEqualTo("error");
    JsonObject depot = depot("pg-outsider");
    assertThat(step(depot, "authenticate").getString("status")).isEqualTo("passed");
    assertThat(step(depot, "permission").getString("status")).isEqualTo("failed");
  }

  @Test
  void aDepotNamingItselfAsItsSecretIsDeniedLikeAnyMissingSecret() {
    // A reference id always names a secret: a depot's own name (or any non-secret resource)
    // is a secret that does not exist.
    JsonObject applied = applyAndWait(postgresDepot("selfref", postgres.port(), "default:selfref"));

    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(applied.getString("message"))
        .isEqualTo("secret reference denied: secret 'selfref' does not exist");
  }

  @Test
  void aMissingSecretIsAcceptedThenErrorWithTheReason() {
    JsonObject applied =
        applyAndWait(postgresDepot("pg-nosecret", postgres.port(), "default:nope"));

    assertThat(applied.getString("outcome")).isEqualTo("created");
    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(applied.getString("message"))
        .isEqualTo("secret reference denied: secret 'nope' does not exist");
  }

  @Test
  void aSecretOfAnotherTenantIsDenied() {
    JsonObject applied =
        applyAndWait(postgresDepot("pg-foreign", postgres.port(), "finance:pg-cred"));

    assertThat(applied.getString("status")).isEqualTo("error");
    assertThat(applied.getString("message"))
        .contains("is in tenant 'finance', not in the depot's tenant 'default'");
  }

  @Test
  void reApplyingWithoutASecretReleasesIt() {
    api.applyYaml(secret("keep-cred", TestPostgres.USER, PASSWORD), "");
    api.applyYaml(secret("drop-cred", TestPostgres.USER, PASSWORD), "");
    applyAndWait(
        postgresDepot("pg-two", postgres.port(), "default:keep-cred", "default:drop-cred"));
    assertThat(api.delete("/api/v1/resources/secret/drop-cred").status()).isEqualTo(409);

    JsonObject updated =
        applyAndWait(postgresDepot("pg-two", postgres.port(), "default:keep-cred"));

    assertThat(updated.getString("outcome")).isEqualTo("updated");
    assertThat(updated.getString("status")).isEqualTo("active");
    assertThat(api.delete("/api/v1/resources/secret/drop-cred").status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/resources/secret/keep-cred").status()).isEqualTo(409);
  }

  @Test
  void rotatingTheSecretReChecksAndReActivatesTheDepot() {
    postgres.sql(
        "CREATE USER rotating WITH PASSWORD 'first-pw'",
        "GRANT CONNECT ON DATABASE orders TO rotating");
    api.applyYaml(secret("rot-cred", "rotating", "first-pw"), "");
    assertThat(
            applyAndWait(postgresDepot("pg-rot", postgres.port(), "default:rot-cred"))
                .getString("status"))
        .isEqualTo("active");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("default/depot/pg-rot", DepotEventType.DEPOT_ACTIVATED) == 1);

    postgres.sql("ALTER USER rotating WITH PASSWORD 'second-pw'");
    assertThat(
            firstResult(api.applyYaml(secret("rot-cred", "rotating", "second-pw"), ""))
                .getString("outcome"))
        .isEqualTo("updated");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("default/depot/pg-rot", DepotEventType.DEPOT_ACTIVATED) == 2);
    DepotEvent again = last("default/depot/pg-rot");
    assertThat(again.getType()).isEqualTo(DepotEventType.DEPOT_ACTIVATED);
    assertThat(again.getReason()).startsWith("secret 'rot-cred' changed");
    assertThat(depot("pg-rot").getString("status")).isEqualTo("active");
  }

  @Test
  void aForcedSecretDeleteMovesItsDepotToError() {
    api.applyYaml(secret("force-cred", TestPostgres.USER, PASSWORD), "");
    applyAndWait(postgresDepot("pg-force", postgres.port(), "default:force-cred"));

    assertThat(api.delete("/api/v1/resources/secret/force-cred?force=true").status())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonObject depot = depot("pg-force");
              assertThat(depot.getString("status")).isEqualTo("error");
              assertThat(depot.getJsonObject("details").getString("message"))
                  .isEqualTo("secret 'force-cred' was deleted (forced by admin)");
            });
  }

  /**
   * The validator reads its requests uncommitted: a check starts before the transaction that asked
   * for it commits, and a result whose check no committed state asked for changes nothing (here the
   * transaction aborts, and the depot never existed).
   */
  @Test
  void theValidatorChecksARequestBeforeItsTransactionCommits() {
    String depotKey = "default/depot/uncommitted-check";
    ValidationRequest request =
        ValidationRequest.newBuilder()
            .setDepotKey(depotKey)
            .setCheckId(7)
            .setSourceType("POSTGRESQL")
            .setConnection(
                new JsonObject()
                    .put("host", "localhost")
                    .put("port", postgres.port())
                    .put("database", TestPostgres.DATABASE)
                    .encode())
            .setReason("applied")
            .setRequestedAt(System.currentTimeMillis())
            .build();
    var kafka = platform.kafka(KafkaPrincipal.OPERATOR);
    Map<String, Object> config = KafkaSettings.producer(kafka, "it-uncommitted-check");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-uncommitted-check");
    try (var results = new TopicRecorder<>(kafka, Topics.DEPOT_COMMANDS);
        var producer =
            new KafkaProducer<>(
                config,
                Topics.DEPOT_VALIDATION_REQUESTS.keySerde().serializer(),
                Topics.DEPOT_VALIDATION_REQUESTS.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(
          new ProducerRecord<>(
              Topics.DEPOT_VALIDATION_REQUESTS.name(Topics.DEFAULT_PREFIX), depotKey, request));
      producer.flush();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  results.valuesOf(depotKey).stream()
                      .anyMatch(v -> v instanceof ValidationResult r && r.getCheckId() == 7));
      producer.abortTransaction();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(api.get("/api/v1/resources/depot/uncommitted-check").status()).isEqualTo(404);
  }

  /**
   * The guide's Snowflake depot against {@link TestSnowflakeServer} on loopback (its url and
   * account name the fixture): checked through every step, its database scanned into the catalog,
   * and neither the password nor the key's lines in the log.
   */
  @Test
  void theSeedSnowflakeDepotIsCheckedAndScannedOverSnowflakesRestProtocol() throws Exception {
    TestServiceAccount keys = TestServiceAccount.create("sales-key");
    try (TestSnowflakeServer snowflake =
        TestSnowflakeServer.start("acme")
            .user("sales_reader", SNOWFLAKE_PASSWORD, "ANALYST")
            .user("key_reader", keys.publicKey(), "ANALYST")
            .warehouse("COMPUTE_WH")
            .grant("ANALYST", "COMPUTE_WH", "SALES_DB")
            .table("SALES_DB", "PUBLIC", "ORDERS", "BASE TABLE", 42, "ID NUMBER NOT NULL")) {
      api.applyYaml(secret("snowflake-cred", "sales_reader", SNOWFLAKE_PASSWORD), "");
      String pem = keys.privateKeyPem();
      api.applyYaml(
          """
          name: snowflake-key
          version: v2alpha
          type: secret
          secret:
            type: key-value
            data: {username: key_reader}
            files: {key: %s}
          """
              .formatted(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8))),
          "");

      JsonObject applied =
          applyAndWait(snowflakeDepot("snowflake-sales", snowflake, "snowflake-cred"));
      JsonObject keyed =
          applyAndWait(snowflakeDepot("snowflake-keyed", snowflake, "snowflake-key"));

      assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
      assertThat(keyed.getString("status")).as(keyed.encode()).isEqualTo("active");
      JsonObject depot = depot("snowflake-sales");
      assertThat(depot.getJsonObject("details").getJsonObject("check").getBoolean("verified"))
          .isTrue();
      for (String passed : List.of("authenticate", "open warehouse", "open database", "use role")) {
        assertThat(step(depot, passed).getString("status")).as(passed).isEqualTo("passed");
      }
      assertThat(step(depot("snowflake-keyed"), "authenticate").getString("message"))
          .startsWith("user 'key_reader' (key pair SHA256:");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("/api/v1/datasets?depot=snowflake-sales").body().contains("ORDERS"));
      Path log = Path.of(System.getProperty("datadock.it.log", "target/it-logs/datadock-it.log"));
      String logged = Files.readString(log, StandardCharsets.ISO_8859_1);
      assertThat(logged).doesNotContain(SNOWFLAKE_PASSWORD);
      pem.lines()
          .filter(line -> !line.startsWith("-----"))
          .forEach(line -> assertThat(logged).doesNotContain(line));
      assertThat(api.delete("/api/v1/resources/depot/snowflake-sales").status()).isEqualTo(200);
      assertThat(api.delete("/api/v1/resources/depot/snowflake-keyed").status()).isEqualTo(200);
    }
  }

  private static String snowflakeDepot(String name, TestSnowflakeServer snowflake, String secret) {
    return """
        name: %s
        version: v2alpha
        type: depot
        tenant: default
        layer: user
        spec:
          type: snowflake
          spec: {url: "%s", account: acme, database: SALES_DB, warehouse: COMPUTE_WH, role: ANALYST}
          secrets:
            - {id: "default:%s", purpose: rw}
            - {id: "default:%s", purpose: scan}
            - {id: "default:%s", purpose: query}
        """
        .formatted(name, snowflake.url(), secret, secret, secret);
  }

  @Test
  void dataOsKeysNamingTheSecretItselfGiveTheCheckTheWholeSecret() {
    for (String acl : List.of("r", "rw")) {
      assertThat(
              api.applyYaml(instanceSecret("alpha-" + acl, acl, TestPostgres.USER, PASSWORD), "")
                  .status())
          .isEqualTo(200);
    }

    // as DataOS's own examples write it
    JsonObject applied =
        applyAndWait(instanceSecretDepot("alpha", "alpha", postgres.port(), TestPostgres.DATABASE));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    JsonObject depot = depot("alpha");
    assertThat(step(depot, "resolve credentials").getString("message"))
        .contains("alpha-rw")
        .contains("password")
        .contains("username");
    assertThat(step(depot, "authenticate").getString("status")).isEqualTo("passed");
    assertThat(api.delete("/api/v1/resources/depot/alpha").status()).isEqualTo(200);
  }

  @Test
  void anUnquotedNumericPasswordIsStoredAsWrittenAndAuthenticates() {
    postgres.sql(
        "CREATE USER numeric_app WITH PASSWORD '12345678'",
        "GRANT CONNECT ON DATABASE " + TestPostgres.DATABASE + " TO numeric_app");
    Api.Response secret =
        api.applyYaml(
            """
            name: numeric-cred
            version: v2alpha
            type: secret
            secret:
              type: key-value
              data:
                username: numeric_app
                password: 12345678
            """,
            "");
    assertThat(secret.status()).as(secret.body()).isEqualTo(200);

    JsonObject applied =
        applyAndWait(postgresDepot("numeric-depot", postgres.port(), "default:numeric-cred"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    assertThat(step(depot("numeric-depot"), "authenticate").getString("message"))
        .isEqualTo("authenticated as user 'numeric_app'");
    assertThat(api.delete("/api/v1/resources/depot/numeric-depot").status()).isEqualTo(200);
  }

  @Test
  void theInstanceSecretShapeNeedsAnRSecretBesideItsRwOne() {
    for (String acl : List.of("r", "rw")) {
      api.applyYaml(instanceSecret("pgdepot-" + acl, acl, TestPostgres.USER, PASSWORD), "");
    }
    String seed =
        """
        name: %s
        version: v2alpha
        type: depot
        layer: user
        depot:
          type: JDBC
          description: Orders database
          external: true
          secrets:
        %s
          postgresql: {subprotocol: postgresql, host: localhost, port: %d, database: orders, params: {sslmode: disable}}
        """;

    JsonObject both =
        applyAndWait(
            seed.formatted(
                "pgdepot-seed",
                "    - {name: pgdepot-r, allkeys: true}\n    - {name: pgdepot-rw, allkeys: true}",
                postgres.port()));
    JsonObject rwOnly =
        applyAndWait(
            seed.formatted(
                "pgdepot-rwonly", "    - {name: pgdepot-rw, allkeys: true}", postgres.port()));

    assertThat(both.getString("status")).as(both.encode()).isEqualTo("active");
    assertThat(rwOnly.getString("status")).isEqualTo("error");
    assertThat(rwOnly.getString("message"))
        .isEqualTo("invalid depot, missing a secret reference with acl: r");
  }

  @Test
  void aFileDepotNeedsNoSecret() throws Exception {
    // inside the platform's default file root, <data dir>/files
    Path files =
        java.nio.file.Files.createDirectories(dataDir.resolve("files").resolve("local-files"));
    java.nio.file.Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");

    JsonObject applied =
        applyAndWait(
            """
            name: local-files
            version: v2alpha
            type: depot
            spec:
              type: file
              spec: {path: "%s", format: csv}
            """
                .formatted(files.toAbsolutePath()));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
  }

  @Test
  void aKafkaDepotIsCheckedAgainstTheBroker(@TempDir Path brokerDir) {
    api.applyYaml(
        """
        name: kafka-cred
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {security_protocol: PLAINTEXT}
        """,
        "");
    // a source broker of its own: the platform's broker is not a source (see below)
    try (EmbeddedKafkaBroker source = EmbeddedKafkaBroker.start(brokerDir, 0)) {
      JsonObject applied = applyAndWait(kafkaDepot("events", source.bootstrapServers()));

      assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");
    }
  }

  @Test
  void aKafkaDepotAtThePlatformsOwnBrokerIsRefusedBeforeItsCredentialsAreResolved() {
    api.applyYaml(
        """
        name: kafka-own-cred
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {security_protocol: PLAINTEXT}
        """,
        "");
    String own = platform.bootstrapServers();

    JsonObject applied =
        applyAndWait(kafkaDepot("own-broker", own).replace("kafka-cred", "kafka-own-cred"));

    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("error");
    JsonObject reach = step(depot("own-broker"), "reach host");
    assertThat(reach.getString("status")).isEqualTo("failed");
    assertThat(reach.getString("message"))
        .isEqualTo("egress denied: " + own + " is the platform's own listener (kafka)");
    assertThat(step(depot("own-broker"), "resolve credentials").getString("status"))
        .isEqualTo("skipped");
  }

  private static String kafkaDepot(String name, String brokers) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: KAFKA
          spec: {brokers: ["%s"]}
          secrets:
            - {id: "default:kafka-cred", purpose: rw}
        """
        .formatted(name, brokers);
  }

  @Test
  void badDepotManifestsAre422sNamingTheField() {
    assertInvalid(
        "spec: {type: nosuchdb, spec: {}, secrets: []}", "spec.type", "unknown source type");
    assertInvalid(
        "spec: {type: postgres, spec: {host: h, port: abc, database: d}, secrets: [{id: 'default:x', purpose: rw}]}",
        "spec.spec.port",
        "port");
    assertInvalid(
        "spec: {type: postgres, spec: {host: h, port: 5432}, secrets: [{id: 'default:x', purpose: rw}]}",
        "spec.spec.database",
        "required");
    assertInvalid(
        "spec: {type: postgres, spec: {host: h, port: 5432, database: d}, secrets: [{id: 'x', purpose: rw}]}",
        "spec.secrets[0].id",
        "tenant:name");
    assertInvalid(
        "spec: {type: postgres, spec: {host: h, port: 5432, database: d}, secrets: [{id: 'default:x', purpose: admin}]}",
        "spec.secrets[0].purpose",
        "unknown purpose");
    assertInvalid(
        "spec: {type: file, spec: {path: /tmp}}\ndepot: {type: file, file: {path: /tmp}}",
        "spec",
        "not both");
  }

  private static void assertInvalid(String body, String field, String messagePart) {
    Api.Response response =
        api.applyYaml("name: bad-depot\nversion: v2alpha\ntype: depot\n" + body, "");
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    JsonObject error = errorOf(response);
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("message")).contains(messagePart);
  }

  private static List<DepotEventType> typesOf(String depotKey) {
    return depotEvents.valuesOf(depotKey).stream().map(DepotEvent::getType).toList();
  }

  private static int count(String depotKey, DepotEventType type) {
    return (int) typesOf(depotKey).stream().filter(type::equals).count();
  }

  private static DepotEvent last(String depotKey) {
    List<DepotEvent> all = depotEvents.valuesOf(depotKey);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }
}
