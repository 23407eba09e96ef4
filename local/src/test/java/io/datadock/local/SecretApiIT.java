package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Secrets through real HTTP, the gateway, a real broker and secret-service's Streams app. */
class SecretApiIT extends PlatformIT {

  static String secret(String name, String password) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data:
            username: sales_reader
            password: %s
        """
        .formatted(name, password);
  }

  @Test
  void applyGetUnchangedUpdateListDeleteRoundTrip() {
    Api.Response created = api.applyYaml(secret("snowflake-cred", "s3cr3t-one"), "");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonObject first = new JsonObject(created.body()).getJsonArray("results").getJsonObject(0);
    assertThat(first.getString("outcome")).isEqualTo("created");
    assertThat(first.getString("status")).isEqualTo("active");
    assertThat(first.getString("name")).isEqualTo("snowflake-cred");
    assertThat(first.getString("type")).isEqualTo("secret");
    String version1 = first.getString("resourceVersion");

    // read-your-writes: visible right away through the same gateway
    Api.Response got = api.get("/api/v1/resources/secret/snowflake-cred");
    assertThat(got.status()).isEqualTo(200);
    JsonObject resource = new JsonObject(got.body());
    assertThat(resource.getString("resourceVersion")).isEqualTo(version1);
    assertThat(resource.getJsonObject("spec").getJsonObject("data").getMap())
        .containsEntry("username", "***")
        .containsEntry("password", "***");
    assertThat(got.body()).doesNotContain("s3cr3t-one").doesNotContain("sales_reader");

    JsonObject same = firstResult(api.applyYaml(secret("snowflake-cred", "s3cr3t-one"), ""));
    assertThat(same.getString("outcome")).isEqualTo("unchanged");
    assertThat(same.getString("resourceVersion")).isEqualTo(version1);

    JsonObject updated = firstResult(api.applyYaml(secret("snowflake-cred", "s3cr3t-two"), ""));
    assertThat(updated.getString("outcome")).isEqualTo("updated");
    assertThat(Long.parseLong(updated.getString("resourceVersion")))
        .isGreaterThan(Long.parseLong(version1));
    JsonObject afterUpdate =
        new JsonObject(api.get("/api/v1/resources/secret/snowflake-cred").body());
    assertThat(afterUpdate.getLong("generation")).isEqualTo(2);

    JsonArray items =
        new JsonObject(api.get("/api/v1/resources?type=secret").body()).getJsonArray("items");
    JsonObject listed = find(items, "snowflake-cred");
    assertThat(listed.getString("status")).isEqualTo("active");
    assertThat(listed.getString("owner")).isEqualTo("admin");
    assertThat(listed.getString("version")).isEqualTo("v2alpha");

    Api.Response deleted = api.delete("/api/v1/resources/secret/snowflake-cred");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(new JsonObject(deleted.body()).getString("outcome")).isEqualTo("deleted");
    assertThat(api.get("/api/v1/resources/secret/snowflake-cred").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/resources/secret/snowflake-cred").status()).isEqualTo(404);
  }

  @Test
  void aStaleResourceVersionIsAConflictAndChangesNothing() {
    String v =
        firstResult(api.applyYaml(secret("cas-cred", "pw-1"), "")).getString("resourceVersion");

    Api.Response conflict =
        api.apply(
            HttpRequest.newBuilder(api.uri("/api/v1/resources"))
                .header("Content-Type", "application/yaml")
                .header("If-Match", "\"" + (Long.parseLong(v) + 1000) + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(secret("cas-cred", "pw-2"))));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(errorOf(conflict).getString("code")).isEqualTo("conflict");

    String inManifest = secret("cas-cred", "pw-2") + "resourceVersion: " + v + "\n";
    assertThat(firstResult(api.applyYaml(inManifest, "")).getString("outcome"))
        .isEqualTo("updated");
  }

  @Test
  void multiDocumentBodiesAndJsonArraysApplyEveryDocument() {
    String yaml = secret("multi-a", "pw-a") + "---\n" + secret("multi-b", "pw-b");
    Api.Response response = api.applyYaml(yaml, "");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonArray("results")).hasSize(2);

    String json =
        "[{\"name\":\"json-a\",\"version\":\"v2alpha\",\"type\":\"secret\",\"secret\":{\"type\":\"key-value\",\"data\":{\"k\":\"v1\"}}}]";
    assertThat(firstResult(api.applyJson(json)).getString("outcome")).isEqualTo("created");
  }

  @Test
  void dryRunValidatesAndStoresNothing() {
    Api.Response dry = api.applyYaml(secret("dry-run-only", "pw"), "?dryRun=true");
    assertThat(dry.status()).isEqualTo(200);
    assertThat(firstResult(dry).getString("outcome")).isEqualTo("validated");
    assertThat(api.get("/api/v1/resources/secret/dry-run-only").status()).isEqualTo(404);
  }

  @Test
  void listingIsScopedToTheTenant() {
    assertThat(api.applyYaml(secret("tenant-b-cred", "pw"), "?tenant=tenant-b").status())
        .as("tenants are explicit: tenant-b does not exist yet")
        .isEqualTo(404);
    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"tenant-b\"}").status()).isEqualTo(201);
    assertThat(api.applyYaml(secret("tenant-b-cred", "pw"), "?tenant=tenant-b").status())
        .isEqualTo(200);

    JsonArray own =
        new JsonObject(api.get("/api/v1/resources?type=secret").body()).getJsonArray("items");
    JsonArray other =
        new JsonObject(api.get("/api/v1/resources?type=secret&tenant=tenant-b").body())
            .getJsonArray("items");
    assertThat(own.stream().map(o -> ((JsonObject) o).getString("name")))
        .doesNotContain("tenant-b-cred");
    assertThat(other.stream().map(o -> ((JsonObject) o).getString("name")))
        .containsExactly("tenant-b-cred");
  }

  @Test
  void instanceAndWorkspaceSecretsApplyAndList() {
    String instance =
        """
        name: pgdepot-r
        version: v1
        type: instance-secret
        layer: user
        instance-secret:
          type: key-value-properties
          acl: r
          data: {username: reader, password: pw-r}
        """;
    assertThat(firstResult(api.applyYaml(instance, "")).getString("outcome")).isEqualTo("created");
    JsonArray instances =
        new JsonObject(api.get("/api/v1/resources?type=instance-secret").body())
            .getJsonArray("items");
    assertThat(instances.stream().map(o -> ((JsonObject) o).getString("name")))
        .contains("pgdepot-r");

    String v1 =
        "name: ws-cred\nversion: v1\ntype: secret\nsecret:\n  type: key-value\n  data: {k: v}\n";
    assertThat(firstResult(api.applyYaml(v1, "")).getString("workspace")).isEqualTo("public");
    assertThat(firstResult(api.applyYaml(v1, "?workspace=sandbox")).getString("outcome"))
        .isEqualTo("created");
    JsonArray sandbox =
        new JsonObject(api.get("/api/v1/resources?type=secret&workspace=sandbox").body())
            .getJsonArray("items");
    assertThat(sandbox).hasSize(1);
    assertThat(api.get("/api/v1/resources/secret/ws-cred?workspace=sandbox").status())
        .isEqualTo(200);
  }

  @Test
  void healthAndReadiness() {
    assertThat(api.get("/healthz").status()).isEqualTo(200);
    Api.Response ready = api.get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getJsonObject("checks").getBoolean("secretService"))
        .isTrue();
  }

  static JsonObject firstResult(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("results").getJsonObject(0);
  }

  static JsonObject errorOf(Api.Response response) {
    return new JsonObject(response.body()).getJsonObject("error");
  }

  private static JsonObject find(JsonArray items, String name) {
    return items.stream()
        .map(JsonObject.class::cast)
        .filter(o -> o.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not listed in " + items.encode()));
  }
}
