package io.datadock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.local.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The real {@code Main} against the real embedded platform (broker, services, gateway). */
class CliIT {

  @TempDir static Path dataDir;
  static Platform platform;
  static Path config;

  @TempDir Path dir;

  @BeforeAll
  static void startPlatform() {
    config = dataDir.resolve("cli-config.yaml");
    platform = EmbeddedPlatform.start(dataDir.resolve("data"), config);
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  static Main.Result run(Map<String, String> env, String... args) {
    return Main.capture(config, env, args);
  }

  static Main.Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Log lines with the elapsed-seconds stamp checked and normalised to {@code [0000]}. */
  static List<String> lines(String text) {
    return text.lines()
        .peek(l -> assertThat(l).matches("^(INFO\\[\\d{4}\\]|ERROR:) .*"))
        .map(l -> l.replaceFirst("^INFO\\[\\d{4}\\]", "INFO[0000]"))
        .toList();
  }

  static String secret(String name, String password) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data:
            username: sales_reader
            password: "%s"
        """
        .formatted(name, password);
  }

  Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aSecretIsAppliedListedAndDeleted() throws Exception {
    Path file = write("cred.yaml", secret("snowflake-cred", "ch4ng3-me"));

    Main.Result applied = run("resource", "apply", "-f", file.toString());
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out()).as("log lines go to stderr").isEmpty();
    assertThat(lines(applied.err()))
        .containsExactly(
            "INFO[0000] 🛠 apply...",
            "INFO[0000] 🔧 applying snowflake-cred:v2alpha:secret...",
            "INFO[0000] 🔧 applying snowflake-cred:v2alpha:secret...created",
            "INFO[0000] 🛠 apply...complete");
    assertThat(lines(run("apply", "-f", file.toString()).err()))
        .contains("INFO[0000] 🔧 applying snowflake-cred:v2alpha:secret...unchanged");

    Main.Result listed = run("get", "-t", "secret", "-n", "snowflake-cred");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    List<String> table = listed.out().lines().toList();
    assertThat(table).as("stdout: the table only").hasSize(3);
    assertThat(table.get(0)).contains("      NAME      | VERSION |  TYPE  | STATUS |");
    assertThat(table.get(1)).matches("^[-+]+$");
    assertThat(table.get(2)).startsWith(" snowflake-cred | v2alpha | secret |").endsWith("admin");
    assertThat(io.datadock.cli.golden.Transcripts.masked(listed.err()))
        .isEqualTo("INFO[0000] 🔍 get...\nINFO[0000] 🔍 get...complete\n\n");

    Main.Result deleted = run("resource", "delete", "-t", "secret", "-n", "snowflake-cred");
    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(lines(deleted.err()))
        .containsExactly(
            "INFO[0000] 🗑 delete...",
            "INFO[0000] 🗑 deleting snowflake-cred:secret...deleted",
            "INFO[0000] 🗑 delete...complete");
    assertThat(run("get", "-t", "secret", "-n", "snowflake-cred").out().lines()).hasSize(2);

    Main.Result again = run("delete", "-i", "snowflake-cred:v2alpha:secret");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(lines(again.err())).hasSize(2).last().asString().startsWith("ERROR: ");
  }

  @Test
  void adminReplayRebuildsADepotServiceToTheSameState() throws Exception {
    run("apply", "-f", write("replay-cred.yaml", secret("replay-cred", "r3play")).toString());

    Main.Result replayed = run("admin", "replay", "--service", "depot", "--timeout", "120");

    assertThat(replayed.exitCode()).as(replayed.err()).isZero();
    List<String> out = lines(replayed.err());
    assertThat(out.get(0)).isEqualTo("INFO[0000] 🔁 replay depot-service...");
    assertThat(out.get(1))
        .matches("INFO\\[\\d{4}\\] state before: \\d+ entries, sha256 [0-9a-f]{64}");
    assertThat(
            out.get(2)
                .substring(out.get(2).indexOf("state after:") + "state after:".length())
                .trim())
        .isEqualTo(
            out.get(1)
                .substring(out.get(1).indexOf("state before:") + "state before:".length())
                .trim());
    assertThat(out.get(3)).endsWith("🔁 replay depot-service...done, state equal");

    Main.Result unknown = run("admin", "replay", "--service", "gateway");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("service must be one of depot, scanner, secret");
  }

  @Test
  void getWatchPrintsTheTableThenARowPerChange() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(config, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
    String[] args = {"get", "-t", "secret", "-n", "watched-cred", "--watch", "--max-events", "2"};
    CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.run(context, args));
    awaitLine(out, " +NAME +\\| VERSION .*");

    Path file = write("watched.yaml", secret("watched-cred", "w4tch"));
    assertThat(run("apply", "-f", file.toString()).exitCode()).isZero();
    awaitLine(out, " watched-cred \\| v2alpha \\| secret \\| .*admin \\| ADDED");

    assertThat(run("delete", "-t", "secret", "-n", "watched-cred").exitCode()).isZero();
    awaitLine(out, " watched-cred \\| v2alpha \\| secret \\| .*admin \\| DELETED");

    assertThat(watch.get(20, TimeUnit.SECONDS)).as("stopped after 2 changes: " + err).isZero();
    assertThat(out.toString().lines()).as("the table, then the two changes").hasSize(4);
  }

  static void awaitLine(StringWriter out, String regex) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(out.toString().lines()).anyMatch(l -> l.matches(regex)));
  }

  @Test
  void aFileDepotWithItsSecretBecomesActiveBlocksTheSecretsDeleteAndIsCataloged() throws Exception {
    // file depots read only under the platform's file root, <data dir>/files
    Path root = Files.createDirectories(dataDir.resolve("data").resolve("files").resolve("cli"));
    Path files = Files.createDirectories(root.resolve("exports"));
    Files.writeString(files.resolve("orders.csv"), "id,amount,currency\n1,10,EUR\n");
    Path file =
        write(
            "files.yaml",
            secret("files-cred", "${FILES_PASSWORD}")
                + """
                ---
                name: files-depot
                version: v2alpha
                type: depot
                spec:
                  type: file
                  spec: {path: "%s"}
                  secrets:
                    - {id: "default:files-cred", purpose: rw}
                """
                    .formatted(root.toAbsolutePath()));

    Main.Result applied =
        run(Map.of("FILES_PASSWORD", "p@ss$w0rd!"), "apply", "-f", file.toString(), "--wait");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(lines(applied.err()))
        .containsExactly(
            "INFO[0000] 🛠 apply...",
            "INFO[0000] 🔧 applying files-cred:v2alpha:secret...",
            "INFO[0000] 🔧 applying files-cred:v2alpha:secret...created",
            "INFO[0000] 🔧 applying files-depot:v2alpha:depot...",
            "INFO[0000] 🔧 applying files-depot:v2alpha:depot...created (active)",
            "INFO[0000] 🛠 apply...complete");

    Main.Result blocked = run("delete", "-t", "secret", "-n", "files-cred");
    assertThat(blocked.exitCode()).isEqualTo(1);
    assertThat(lines(blocked.err()))
        .containsExactly(
            "INFO[0000] 🗑 delete...",
            "ERROR: cannot delete resource, it is a dependency of 'depot:v2alpha:files-depot'");

    Main.Result details = run("get", "-t", "depot", "-a", "-d", "-n", "files-depot");
    assertThat(details.exitCode()).as(details.err()).isZero();
    assertThat(details.out())
        .contains("files-depot | v2alpha | depot")
        .contains("REFERENCES")
        .contains("granted")
        .contains("CHECK")
        .contains("resolve credentials");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(run("dataset", "get", "--depot", "files-depot").out())
                    .contains("  exports\n")
                    .contains("    orders.csv"));
    Main.Result dataset = run("dataset", "get", "dataos://files-depot/exports/orders.csv");
    assertThat(dataset.exitCode()).as(dataset.err()).isZero();
    assertThat(dataset.out()).contains("NAME ").contains("amount").contains("currency");

    assertThat(run("delete", "-t", "depot", "-n", "files-depot").exitCode()).isZero();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> run("delete", "-t", "secret", "-n", "files-cred").exitCode() == 0);
  }

  @Test
  void secretFilesAreReadNextToTheManifestAndSentAsContent() throws Exception {
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("keys/key.json"), "{\"private_key\": \"k-123\"}");
    Path file =
        write(
            "bq-cred.yaml",
            """
            name: bq-cred
            version: v2alpha
            type: secret
            secret:
              type: key-value
              data: {projectid: p1}
              files: {json_keyfile: ./keys/key.json}
            """);

    Main.Result applied = run("apply", "-f", file.toString());
    assertThat(applied.exitCode()).as(applied.err()).isZero();

    java.net.http.HttpResponse<String> values =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            platform.gatewayUrl()
                                + "/api/v1/resources/secret/bq-cred?unsanitize=true"))
                    .header("Authorization", "Bearer " + platform.adminToken())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    String sent =
        new String(
            java.util.Base64.getDecoder()
                .decode(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(values.body())
                        .path("spec")
                        .path("files")
                        .path("json_keyfile")
                        .asText()),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(sent).isEqualTo("{\"private_key\": \"k-123\"}");
  }

  @Test
  void workspaceSecretsApplyIntoAWorkspace() throws Exception {
    Path file =
        write(
            "ws.yaml",
            "name: ws-cred\nversion: v1\ntype: secret\nsecret:\n  type: key-value\n"
                + "  data: {k: v}\n");
    assertThat(lines(run("apply", "-f", file.toString()).err()))
        .contains(
            "INFO[0000] 🔧 applying(public) ws-cred:v1:secret...",
            "INFO[0000] 🔧 applying(public) ws-cred:v1:secret...created");
    assertThat(lines(run("apply", "-f", file.toString(), "-w", "sandbox").err()))
        .contains("INFO[0000] 🔧 applying(sandbox) ws-cred:v1:secret...created");
    assertThat(run("get", "-t", "secret", "-w", "sandbox").out())
        .contains("ws-cred | v1      | secret | sandbox");
    assertThat(run("delete", "-t", "secret", "-n", "ws-cred", "-w", "sandbox").exitCode()).isZero();
    assertThat(run("delete", "-t", "secret", "-n", "ws-cred", "-w", "public").exitCode()).isZero();
  }

  @Test
  void lintValidatesAndStoresNothing() throws Exception {
    Path file = write("lint.yaml", secret("lint-cred", "x"));
    Main.Result linted = run("apply", "-f", file.toString(), "-l");
    assertThat(linted.exitCode()).as(linted.err()).isZero();
    assertThat(lines(linted.err()))
        .contains("INFO[0000] 🔧 applying lint-cred:v2alpha:secret...validated");
    assertThat(run("get", "-t", "secret", "-n", "lint-cred").out().lines()).hasSize(2);
  }

  @Test
  void anUnsetVariableFailsAndSendsNothing() throws Exception {
    Path file = write("unset.yaml", secret("unset-cred", "${NOT_SET_ANYWHERE}"));
    Main.Result failed = run("apply", "-f", file.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("NOT_SET_ANYWHERE");
    assertThat(run("get", "-t", "secret", "-n", "unset-cred").out().lines()).hasSize(2);

    Main.Result literal = run("apply", "-f", file.toString(), "--disable-interpolation");
    assertThat(literal.exitCode()).as(literal.err()).isZero();
    assertThat(run("delete", "-t", "secret", "-n", "unset-cred").exitCode()).isZero();
  }

  @Test
  void anInvalidManifestIsAnErrorNamingTheField() throws Exception {
    Path file =
        write(
            "bad.yaml", "name: bad\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n");
    Main.Result failed = run("apply", "-f", file.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(lines(failed.err()))
        .filteredOn(l -> l.startsWith("ERROR: "))
        .singleElement()
        .asString()
        .contains("secret.data");
  }

  @Test
  void getPrintsJsonAndYaml() throws Exception {
    Path file = write("out.yaml", secret("out-cred", "x"));
    assertThat(run("apply", "-f", file.toString()).exitCode()).isZero();

    Main.Result json = run("get", "-t", "secret", "-n", "out-cred", "-o", "json");
    JsonNode items = new ObjectMapper().readTree(json.out());
    assertThat(items.get(0).get("name").asText()).isEqualTo("out-cred");

    Main.Result yaml = run("get", "-t", "secret", "-n", "out-cred", "-o", "yaml");
    List<Map<String, Object>> parsed = new Yaml().load(yaml.out());
    assertThat(parsed.get(0)).containsEntry("name", "out-cred").containsEntry("type", "secret");
    run("delete", "-t", "secret", "-n", "out-cred");
  }

  @Test
  void userGetShowsTheAdmin() {
    Main.Result me = run("user", "get");
    assertThat(me.exitCode()).as(me.err()).isZero();
    assertThat(me.out().lines().toList().get(0))
        .contains(" NAME ")
        .contains(" ID ")
        .endsWith("TAGS");
    assertThat(me.out()).contains("admin");
  }

  @Test
  void apiKeysAreIssuedListedAndRevoked() throws Exception {
    createUser("ana");
    Main.Result created = run("user", "apikey", "create", "-u", "ana", "--expires-in", "3600");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String token = created.out().lines().reduce((a, b) -> b).orElseThrow();
    String keyId = created.err().replaceAll("(?s).*api key (\\S+) created.*", "$1");

    Path other = dir.resolve("other/config.yaml");
    Main.Result login =
        Main.capture(
            other,
            Map.of(),
            "login",
            "--gateway",
            platform.gatewayUrl(),
            "--token",
            token,
            "--profile",
            "mine");
    assertThat(login.exitCode()).as(login.err()).isZero();
    assertThat(lines(login.err())).containsExactly("INFO[0000] 🔑 logged in as ana");
    assertThat(Files.getPosixFilePermissions(other))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(other)).contains("current: mine");

    assertThat(run("user", "get", "-a").out()).contains("ana@example.com");
    assertThat(Main.capture(other, Map.of(), "user", "apikey", "get").out()).contains(keyId);
    assertThat(run("user", "apikey", "delete", "-u", "ana", "-k", keyId).exitCode()).isZero();
    Main.Result revoked = Main.capture(other, Map.of(), "user", "get");
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(lines(revoked.err()))
        .containsExactly("ERROR: invalid, expired or revoked token: run datadock login");
  }

  /** The CLI creates no users: make one over the HTTP API. */
  static void createUser(String id) throws Exception {
    String body =
        """
        {"id": "%s", "name": "Ana", "email": "%s@example.com", "type": "person",
         "tenants": ["default"], "tags": ["roles:id:user", "roles:id:data-dev"], "useCases": []}
        """
            .formatted(id, id);
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(platform.gatewayUrl() + "/api/v1/users"))
                    .header("Authorization", "Bearer " + EmbeddedPlatform.ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void anUnreachableGatewayIsReported() {
    Main.Result down =
        run(
            Map.of("DATADOCK_GATEWAY", "http://127.0.0.1:1", "DATADOCK_TOKEN", "t"),
            "get",
            "-t",
            "secret");
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(lines(down.err()))
        .containsExactly(
            "INFO[0000] 🔍 get...",
            "ERROR: cannot reach the gateway at http://127.0.0.1:1: is it running?");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    Main.Result version = run("version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).matches("datadock \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    assertThat(run("completion").out()).contains("complete -F").contains("datadock");
    Main.Result help = run("resource", "apply", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Example:").contains("${VAR}");
  }
}
