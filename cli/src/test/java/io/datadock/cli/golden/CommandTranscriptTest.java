package io.datadock.cli.golden;

import static io.datadock.cli.golden.Transcripts.golden;
import static io.datadock.cli.golden.Transcripts.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.cli.CliContext;
import io.datadock.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of the DataOS guide print its transcripts (as the golden files have them) for the
 * same answers from a gateway: stdout and stderr as a terminal shows them, interleaved.
 */
class CommandTranscriptTest {

  @TempDir Path dir;
  private StubGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new StubGateway();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private String run(String... args) {
    StringWriter terminal = new StringWriter();
    PrintWriter both = new PrintWriter(terminal, true);
    Map<String, String> env = Map.of("DATADOCK_GATEWAY", gateway.url(), "DATADOCK_TOKEN", "t0ken");
    Main.run(new CliContext(dir.resolve("none.yaml"), env, both, both), args);
    return masked(terminal.toString());
  }

  static String depot(String name) {
    return """
        {"name": "%s", "version": "v2alpha", "type": "depot", "tenant": "engineering",
         "workspace": null, "status": "active", "runtime": null, "owner": "johndoetmdcio"}
        """
        .formatted(name);
  }

  @Test
  void listingTheTenantsDepots() {
    gateway.on(
        "GET",
        "/api/v1/resources",
        200,
        "{\"items\": ["
            + String.join(
                ",", depot("snowflake-sales"), depot("s3-raw-events"), depot("postgres-crm"))
            + "]}");

    assertThat(run("resource", "get", "-t", "depot", "-a")).isEqualTo(golden("get-depot-all.txt"));
    assertThat(gateway.requests().get(0).uri()).isEqualTo("/api/v1/resources?type=depot&all=true");
  }

  @Test
  void listingSecrets() {
    gateway.on(
        "GET",
        "/api/v1/resources",
        200,
        """
        {"items": [{"name": "snowflake-cred", "version": "v2alpha", "type": "secret",
          "workspace": null, "status": "active", "runtime": null, "owner": "johndoetmdcio"}]}
        """);

    assertThat(run("get", "-t", "secret")).isEqualTo(golden("get-secret.txt"));
  }

  @Test
  void applyingASecretThenADepot() throws Exception {
    Path secret = dir.resolve("snowflake-cred.yaml");
    Files.writeString(
        secret,
        "name: snowflake-cred\nversion: v2alpha\ntype: secret\n"
            + "secret: {type: key-value, data: {username: u, password: p}}\n");
    gateway.on(
        "POST",
        "/api/v1/resources",
        200,
        "{\"results\": [{\"name\": \"snowflake-cred\", \"outcome\": \"created\"}]}");
    assertThat(run("resource", "apply", "-f", secret.toString()))
        .isEqualTo(golden("apply-secret.txt"));

    Path depot = dir.resolve("snowflake-sales.yaml");
    Files.writeString(depot, "name: snowflake-sales\nversion: v2alpha\ntype: depot\n");
    gateway.on(
        "POST",
        "/api/v1/resources",
        200,
        "{\"results\": [{\"name\": \"snowflake-sales\", \"outcome\": \"created\"}]}");
    assertThat(run("resource", "apply", "-f", depot.toString()))
        .isEqualTo(golden("apply-depot.txt"));
  }

  @Test
  void aRefusedDeleteIsTheGuidesErrorLine() {
    gateway.on(
        "DELETE",
        "/api/v1/resources/secret/snowflake-cred",
        409,
        """
        {"error": {"code": "DEPENDENCY", "message":
          "cannot delete resource, it is a dependency of 'depot:v2alpha:snowflake-sales'"}}
        """);

    assertThat(run("resource", "delete", "-t", "secret", "-n", "snowflake-cred"))
        .isEqualTo("INFO[0000] 🗑 delete...\n" + golden("error-dependency.txt"));
  }

  @Test
  void aForbiddenApplyIsTheGuidesErrorLine() throws Exception {
    Path secret = dir.resolve("snowflake-cred.yaml");
    Files.writeString(secret, "name: snowflake-cred\nversion: v2alpha\ntype: secret\n");
    gateway.on(
        "POST",
        "/api/v1/resources",
        403,
        """
        {"error": {"code": "FORBIDDEN",
          "message": "forbidden: user does not have required role data-dev"}}
        """);

    assertThat(run("apply", "-f", secret.toString()))
        .isEqualTo(
            "INFO[0000] 🛠 apply...\n"
                + "INFO[0000] 🔧 applying snowflake-cred:v2alpha:secret...\n"
                + golden("error-forbidden.txt"));
  }
}
