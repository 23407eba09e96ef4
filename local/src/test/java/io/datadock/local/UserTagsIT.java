package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.AuditRecord;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator gives a user a tag, or takes one away, one tag at a time ({@code PUT} and {@code
 * DELETE /api/v1/users/{id}/tags/{tag}}, behind {@code datadock user tag add|delete}): the user's
 * next request already has it, the request is audited, and a role taken away takes the permissions
 * it gave with it.
 */
class UserTagsIT extends PlatformIT {

  private static final String DATA_DEV = "roles:id:data-dev";
  private static final String OPERATOR = "roles:id:operator";
  private final Map<String, Api> as = new HashMap<>();

  private static String path(String user, String tag) {
    return "/api/v1/users/" + user + "/tags/" + tag.replace(":", "%3A");
  }

  private static Api.Response put(Api caller, String path) {
    return caller.send(
        HttpRequest.newBuilder(caller.uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  private void user(String id, String tags) {
    String body = "{\"id\": \"%s\", \"tenants\": [\"default\"], \"tags\": %s}".formatted(id, tags);
    Api.Response created = api.postJson("/api/v1/users", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response key = api.postJson("/api/v1/users/" + id + "/apikeys", "{}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    as.put(id, api.withToken(new JsonObject(key.body()).getString("token")));
  }

  private static String secret(String name) {
    return "name: %s\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {password: x}\n"
        .formatted(name);
  }

  @Test
  void aTagGivenByAnOperatorWorksOnTheUsersNextRequestAndIsAudited() throws Exception {
    user("newbie", "[\"roles:id:user\"]");
    Api.Response refused = as.get("newbie").applyYaml(secret("newbie-cred"), "");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("forbidden: user does not have required role data-dev");

    try (TopicRecorder<AuditRecord> audit =
        new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.AUDIT)) {
      Api.Response tagged = put(api, path("newbie", DATA_DEV));

      assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
      assertThat(new JsonObject(tagged.body()).getJsonArray("tags").getList())
          .containsExactlyInAnyOrder("roles:id:user", "users:id:newbie", DATA_DEV);
      Api.Response applied = as.get("newbie").applyYaml(secret("newbie-cred"), "");
      assertThat(applied.status()).as("no retry: " + applied.body()).isEqualTo(200);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(audit.values(r -> true))
                      .anySatisfy(
                          a -> {
                            assertThat(a.getActor()).isEqualTo("admin");
                            assertThat(a.getMethod()).isEqualTo("PUT");
                            assertThat(a.getPath())
                                .isEqualTo("/api/v1/users/newbie/tags/roles%3Aid%3Adata-dev");
                            assertThat(a.getStatus()).isEqualTo(200);
                          }));
    }
    Api.Response again = put(api, path("newbie", DATA_DEV));
    assertThat(again.status()).as("a tag held already is left as it is").isEqualTo(200);
    assertThat(new JsonObject(again.body()).getJsonArray("tags").getList())
        .filteredOn(DATA_DEV::equals)
        .hasSize(1);
  }

  @Test
  void takingARoleAwayTakesWhatItAllowedAtOnce() throws Exception {
    assertThat(
            api.applyYaml(
                    """
                    name: opsy-sf-r
                    version: v1
                    type: instance-secret
                    layer: user
                    instance-secret:
                      type: key-value-properties
                      acl: r
                      data: {username: sales_reader, password: sf-secret-pw}
                    """,
                    "")
                .status())
        .isEqualTo(200);
    user("opsy", "[\"roles:id:user\", \"" + DATA_DEV + "\", \"" + OPERATOR + "\"]");
    // a file depot: its check reads a local directory, nothing connects anywhere
    Path sales = Files.createDirectories(dataDir.resolve("files").resolve("opsy-sales"));
    Api.Response applied =
        as.get("opsy")
            .applyYaml(
                """
                name: opsy-sales
                version: v2alpha
                type: depot
                layer: user
                depot:
                  type: FILE
                  secrets:
                    - {name: opsy-sf-r, allkeys: true}
                  file: {path: "%s"}
                """
                    .formatted(sales.toAbsolutePath()),
                "?wait=true");
    assertThat(applied.body()).contains("\"status\":\"active\"");
    assertThat(as.get("opsy").get("/api/v1/users").status()).isEqualTo(200);

    Api.Response untagged = api.delete(path("opsy", OPERATOR));

    assertThat(untagged.status()).as(untagged.body()).isEqualTo(200);
    JsonObject answer = new JsonObject(untagged.body());
    assertThat(answer.getJsonArray("tags").getList()).doesNotContain(OPERATOR).contains(DATA_DEV);
    assertThat(answer.getJsonArray("revalidated").getList()).containsExactly("opsy-sales");
    assertThat(as.get("opsy").get("/api/v1/users").status())
        .as("the next request is an ordinary user's")
        .isEqualTo(403);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/resources/depot/opsy-sales")
                    .body()
                    .contains("user 'opsy' may not use instance-secret"));

    Api.Response notHeld = api.delete(path("opsy", OPERATOR));
    assertThat(notHeld.status()).as("nothing to take").isEqualTo(200);
    assertThat(new JsonObject(notHeld.body()).getJsonArray("revalidated")).isEmpty();
  }

  @Test
  void onlyOperatorsTagAndBadTagsAreRefusedNamingTheTag() {
    user("plain", "[\"roles:id:user\", \"" + DATA_DEV + "\"]");

    Api.Response self = put(as.get("plain"), path("plain", OPERATOR));
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.body()).contains("forbidden: user does not have required role operator");
    assertThat(as.get("plain").delete(path("plain", DATA_DEV)).status()).isEqualTo(403);

    Api.Response notARole = put(api, path("plain", "admin"));
    assertThat(notARole.status()).isEqualTo(422);
    assertThat(new JsonObject(notARole.body()).getJsonObject("error").getString("field"))
        .isEqualTo("tag");
    assertThat(notARole.body()).contains("tag 'admin' must start with roles:id: or users:id:");
    assertThat(put(api, path("plain", "users:id:someone-else")).body())
        .contains("names another user");
    assertThat(put(api, path("plain", "roles:id:tenant-admin:sales")).status()).isEqualTo(422);
    Api.Response own = api.delete(path("plain", "users:id:plain"));
    assertThat(own.status()).isEqualTo(422);
    assertThat(own.body()).contains("is the user's own");
    assertThat(put(api, path("nobody", DATA_DEV)).status()).isEqualTo(404);
    assertThat(api.delete(path("nobody", DATA_DEV)).status()).isEqualTo(404);
  }
}
