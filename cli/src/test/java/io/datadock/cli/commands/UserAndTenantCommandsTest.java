package io.datadock.cli.commands;

import static io.datadock.cli.golden.Transcripts.masked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.cli.Main;
import io.datadock.cli.golden.StubGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user create, user tag add|delete and tenant create|get|delete against a stub gateway. */
class UserAndTenantCommandsTest {

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

  private Main.Result run(Map<String, String> extraEnv, String... args) {
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of("DATADOCK_GATEWAY", gateway.url(), "DATADOCK_TOKEN", "admin-t0ken"));
    env.putAll(extraEnv);
    return Main.capture(dir.resolve("none.yaml"), env, args);
  }

  @Test
  void tagsAreAddedOneRequestEach() {
    gateway
        .on("PUT", "/api/v1/users/johndoetmdcio/tags/roles:id:data-dev", 200, "{}")
        .on("PUT", "/api/v1/users/johndoetmdcio/tags/roles:id:user", 200, "{}");

    Main.Result added =
        run(
            Map.of(),
            "user",
            "tag",
            "add",
            "-i",
            "johndoetmdcio",
            "-t",
            "roles:id:data-dev",
            "-t",
            "roles:id:user");

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(gateway.requests())
        .extracting(StubGateway.Request::method, StubGateway.Request::uri)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "/api/v1/users/johndoetmdcio/tags/roles%3Aid%3Adata-dev"),
            org.assertj.core.groups.Tuple.tuple(
                "PUT", "/api/v1/users/johndoetmdcio/tags/roles%3Aid%3Auser"));
    assertThat(masked(added.err()))
        .isEqualTo(
            "INFO[0000] 🏷 user tag add...\n"
                + "INFO[0000] new tags: roles:id:data-dev, roles:id:user\n"
                + "INFO[0000] 🏷 user tag add...complete\n");
  }

  @Test
  void aDeletedTagSaysWhichDepotsWereAskedAgain() {
    gateway.on(
        "DELETE",
        "/api/v1/users/ana/tags/roles:id:operator",
        200,
        "{\"id\": \"ana\", \"revalidated\": [\"pg\", \"sf\"]}");

    Main.Result deleted =
        run(Map.of(), "user", "tag", "delete", "-i", "ana", "-t", "roles:id:operator");

    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(masked(deleted.err()))
        .contains("INFO[0000] deleted tags: roles:id:operator\n")
        .contains("INFO[0000] depots asked again: pg, sf\n");
  }

  @Test
  void aRefusedTagIsTheGatewaysError() {
    gateway.on(
        "PUT",
        "/api/v1/users/ana/tags/roles:id:operator",
        403,
        "{\"error\": {\"message\": \"forbidden: user does not have required role operator\"}}");

    Main.Result refused =
        run(Map.of(), "user", "tag", "add", "-i", "ana", "-t", "roles:id:operator");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .endsWith("ERROR: forbidden: user does not have required role operator\n");
  }

  @Test
  void aUserIsCreatedInTheProfilesTenantWithTheUserRoleByDefault() throws Exception {
    gateway.on("POST", "/api/v1/users", 201, "{\"id\": \"johndoetmdcio\"}");

    Main.Result created =
        run(Map.of("DATADOCK_TENANT", "engineering"), "user", "create", "-i", "johndoetmdcio");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(new ObjectMapper().readTree(gateway.requests().get(0).body()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    """
                    {"id": "johndoetmdcio", "name": "johndoetmdcio", "type": "person",
                     "tenants": ["engineering"], "tags": ["roles:id:user"], "useCases": []}
                    """));
    assertThat(masked(created.err())).contains("INFO[0000] 😃 creating johndoetmdcio...created\n");
  }

  @Test
  void tenantsAreCreatedListedAndDeleted() {
    gateway
        .on("POST", "/api/v1/tenants", 201, "{\"name\": \"engineering\"}")
        .on(
            "GET",
            "/api/v1/tenants",
            200,
            "{\"items\": [{\"name\": \"default\"}, {\"name\": \"engineering\"}]}")
        .on("DELETE", "/api/v1/tenants/engineering", 200, "{\"outcome\": \"deleted\"}");

    assertThat(run(Map.of(), "tenant", "create", "-n", "engineering").exitCode()).isZero();
    assertThat(gateway.requests().get(0).body()).isEqualTo("{\"name\":\"engineering\"}");
    Main.Result listed = run(Map.of(), "tenant", "get");
    assertThat(listed.out()).isEqualTo("    NAME\n-------------\n default\n engineering\n");
    assertThat(run(Map.of(), "tenant", "delete", "-n", "engineering").exitCode()).isZero();
    assertThat(gateway.requests().get(2).method()).isEqualTo("DELETE");
  }
}
