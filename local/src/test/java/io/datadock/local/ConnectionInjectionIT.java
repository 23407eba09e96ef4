package io.datadock.local;

import static io.datadock.local.SecretApiIT.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotCommand;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection fields are values, not URL fragments, through the real gateway: every way a depot
 * manifest could change a JDBC driver's behaviour, carry a credential in its connection or make the
 * scanner backtrack is answered 422 naming the field, never echoing a credential, and publishes no
 * command. All attempts use one depot name, so they would share a partition with the valid apply
 * that closes the test: once its command is read, an earlier one would have been read too.
 */
class ConnectionInjectionIT extends PlatformIT {

  private static final String NAME = "inj";
  private static final String KEY = "default/depot/" + NAME;
  private static final String SECRET_VALUE = "hunter2-Zq81";

  @TempDir static Path files;
  static TopicRecorder<SpecificRecord> commands; // depot inputs: commands, replies, results

  @BeforeAll
  static void recordCommands() {
    commands = new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.DEPOT_COMMANDS);
  }

  @AfterAll
  static void stopRecording() throws Exception {
    if (commands != null) {
      commands.close();
    }
  }

  private record Attempt(String yaml, String field, String messagePart) {}

  private static String postgres(String block) {
    return "depot:\n  type: POSTGRESQL\n  secrets: [{name: inj-r, allkeys: true}]\n  postgresql: "
        + block
        + "\n";
  }

  private static String tenant(String type, String block) {
    return "spec:\n  type: "
        + type
        + "\n  spec: "
        + block
        + "\n  secrets: [{id: 'default:inj-cred', purpose: rw}]\n";
  }

  private static final String PG = "host: 127.0.0.1, port: 5432, database: crm";

  private static final List<Attempt> ATTEMPTS =
      List.of(
          new Attempt(
              postgres("{" + PG.replace("crm", "\"crm?sslcert=/x\"") + "}"),
              "depot.postgresql.database",
              "must be a name of letters, digits and _ - . $"),
          new Attempt(
              postgres("{" + PG.replace("127.0.0.1", "\"127.0.0.1/evil\"") + "}"),
              "depot.postgresql.host",
              "must be a host name"),
          new Attempt(
              postgres("{" + PG.replace("127.0.0.1", "\"127.0.0.1;x=y\"") + "}"),
              "depot.postgresql.host",
              "must be a host name"),
          new Attempt(
              postgres("{" + PG.replace("127.0.0.1", "\"admin:" + SECRET_VALUE + "@db\"") + "}"),
              "depot.postgresql.host",
              "credentials belong in a secret"),
          new Attempt(
              postgres(
                  "{" + PG + ", params: {sslfactory: org.postgresql.ssl.NonValidatingFactory}}"),
              "depot.postgresql.params.sslfactory",
              "is not a connection property Datadock passes to the postgresql driver"),
          new Attempt(
              postgres("{" + PG + ", params: {socketFactory: javax.net.DefaultSocketFactory}}"),
              "depot.postgresql.params.socketFactory",
              "is not a connection property"),
          new Attempt(
              postgres("{" + PG + ", params: {sslcert: /etc/shadow}}"),
              "depot.postgresql.params.sslcert",
              "is not a connection property"),
          new Attempt(
              tenant(
                  "mysql", "{host: 127.0.0.1, port: 3306, params: {allowLoadLocalInfile: true}}"),
              "spec.spec.params.allowLoadLocalInfile",
              "the mariadb driver"),
          new Attempt(
              tenant(
                  "mssql",
                  "{host: 127.0.0.1, port: 1433, database: d,"
                      + " params: {applicationName: \"x;integratedSecurity=true\"}}"),
              "spec.spec.params.applicationName",
              "none of ; { }"),
          new Attempt(
              postgres("{" + PG + ", subprotocol: \"mysql://127.0.0.1:3306/x?\"}"),
              "depot.postgresql.subprotocol",
              "is fixed for a postgres depot"),
          new Attempt(
              tenant("jdbc", "{subprotocol: \"h2:mem\", host: 127.0.0.1, database: x}"),
              "spec.spec.subprotocol",
              "must name a driver Datadock ships"),
          new Attempt(
              postgres("{" + PG + ", params: {password: " + SECRET_VALUE + "}}"),
              "depot.postgresql.params.password",
              "looks like a credential: credentials belong in a secret"),
          new Attempt(
              tenant(
                  "snowflake",
                  "{url: \"https://u:"
                      + SECRET_VALUE
                      + "@acme.snowflakecomputing.com\","
                      + " database: D, warehouse: W}"),
              "spec.spec.url",
              "holds credentials"),
          new Attempt(
              tenant("kafka", "{brokers: [\"u:" + SECRET_VALUE + "@127.0.0.1:9092\"]}"),
              "spec.spec.brokers[0]",
              "holds credentials"),
          new Attempt(
              postgres("{" + PG + "}") + "scan:\n  collections: {include: [\"(a)\\\\1\"]}\n",
              "scan.collections.include[0]",
              "is not a valid regular expression for linear-time matching"));

  @Test
  void everyInjectionAttemptIs422NamingTheFieldAndPublishesNothing() {
    for (Attempt attempt : ATTEMPTS) {
      Api.Response response =
          api.applyYaml("name: " + NAME + "\nversion: v2alpha\ntype: depot\n" + attempt.yaml(), "");

      assertThat(response.status()).as(attempt.yaml() + response.body()).isEqualTo(422);
      JsonObject error = errorOf(response);
      assertThat(error.getString("field")).as(response.body()).isEqualTo(attempt.field());
      assertThat(error.getString("message")).as(response.body()).contains(attempt.messagePart());
      assertThat(response.body()).doesNotContain(SECRET_VALUE);
    }
    assertThat(api.get("/api/v1/resources/depot/" + NAME).status()).isEqualTo(404);

    Api.Response valid =
        api.applyYaml(
            "name: %s\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n  spec: {path: \"%s\"}\n"
                .formatted(NAME, files.toAbsolutePath()),
            "");
    assertThat(valid.status()).as(valid.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> !depotCommands().isEmpty());
    assertThat(depotCommands())
        .as("only the valid apply was published")
        .singleElement()
        .satisfies(c -> assertThat(c.getSpec().getSourceType()).isEqualTo("file"));
  }

  private static List<DepotCommand> depotCommands() {
    return commands.valuesOf(KEY).stream()
        .filter(DepotCommand.class::isInstance)
        .map(DepotCommand.class::cast)
        .toList();
  }
}
