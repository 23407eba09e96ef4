package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Using a secret is a permission, tried as a hostile member of the tenant would: a data-dev who may
 * not read a secret names it in a depot pointed at a listener of their own. Real HTTP, broker,
 * services, a real PostgreSQL for the depots that are allowed, and a trap that asks every client
 * for a cleartext password.
 */
class SecretUseIT extends PlatformIT {

  private static final String PASSWORD = "pg-pass-Use-7731";

  @TempDir static Path pgDir;
  static TestPostgres postgres;
  static final Map<String, Api> as = new HashMap<>();

  @BeforeAll
  static void usersAndDatabase() {
    postgres = TestPostgres.start(pgDir, PASSWORD);
    user("ana", "default", "[]");
    user("mallory", "default", "[]");
    user("reader", "default", "[\"read-secret\"]");
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aDataDevWhoMayNotReadASecretCannotHaveItSentToTheirOwnListener() throws Exception {
    ok(as.get("ana").applyYaml(DepotIT.secret("prod-admin", "app", "trap-Pass-0001"), ""));
    try (CleartextPasswordTrap trap = CleartextPasswordTrap.on("127.0.0.1")) {
      // The trap works: the secret's owner pointing her own depot at it hands it her password.
      JsonObject own =
          applyAndWait("ana", trapDepot("ana-trap", trap.port(), "default:prod-admin"));
      assertThat(own.getString("status")).isEqualTo("error");
      assertThat(trap.passwordsReceived()).containsExactly("trap-Pass-0001");
      int before = trap.connections();

      assertThat(
              as.get("mallory").get("/api/v1/resources/secret/prod-admin?unsanitize=true").status())
          .isEqualTo(403);
      JsonObject stolen =
          applyAndWait("mallory", trapDepot("mallory-trap", trap.port(), "default:prod-admin"));

      assertThat(stolen.getString("status")).isEqualTo("error");
      JsonObject depot = get("mallory", "depot", "mallory-trap");
      assertThat(depot.getJsonObject("details").getString("message"))
          .isEqualTo(
              "secret reference denied: user 'mallory' may not use secret 'default:prod-admin'");
      assertThat(depot.getJsonObject("details").containsKey("check")).isFalse();
      assertThat(trap.connections()).as("no connection reached the trap").isEqualTo(before);
      assertThat(trap.passwordsReceived()).hasSize(1);
    }
  }

  @Test
  void aGrantGivenOnASquattedNameDoesNotPassToTheSecretAppliedUnderItLater() throws Exception {
    // mallory applies a secret under the name the real one will have, grants it to herself as its
    // owner, and deletes it; ana then applies the real secret under that name.
    ok(as.get("mallory").applyYaml(DepotIT.secret("vault-cred", "app", "squat-0001"), ""));
    grantToUser("mallory", "mallory", "vault-cred");
    ok(as.get("mallory").delete("/api/v1/resources/secret/vault-cred"));
    ok(as.get("ana").applyYaml(DepotIT.secret("vault-cred", "app", "trap-Pass-0002"), ""));
    assertThat(api.get("/api/v1/tenants/default/grants").body())
        .contains("\"secret\":\"vault-cred\"")
        .contains("\"secretOwner\":\"mallory\"");

    try (CleartextPasswordTrap trap = CleartextPasswordTrap.on("127.0.0.1")) {
      JsonObject stolen =
          applyAndWait("mallory", trapDepot("mallory-vault", trap.port(), "default:vault-cred"));

      assertThat(stolen.getString("status")).isEqualTo("error");
      assertThat(
              get("mallory", "depot", "mallory-vault")
                  .getJsonObject("details")
                  .getString("message"))
          .isEqualTo(
              "secret reference denied: user 'mallory' may not use secret 'default:vault-cred'");
      assertThat(trap.connections()).as("no connection reached the trap").isZero();
    }
  }

  @Test
  void aTenantAdminsGrantDoesNotOpenTheOperatorsInstanceSecretsOfItsName() throws Exception {
    // Grants name a secret, not its kind; a tenant admin may not use instance secrets.
    for (String acl : new String[] {"r", "rw"}) {
      ok(api.applyYaml(DepotIT.instanceSecret("vault-" + acl, acl, "ops", "trap-Pass-0003"), ""));
    }
    Api.Response created =
        api.postJson(
            "/api/v1/users",
            "{\"id\": \"tad\", \"name\": \"tad\", \"type\": \"person\", \"tenants\":"
                + " [\"default\"], \"tags\": [\"roles:id:user\", \"roles:id:data-dev\","
                + " \"roles:id:tenant-admin\"], \"useCases\": []}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response key = api.postJson("/api/v1/users/tad/apikeys", "{}");
    as.put("tad", api.withToken(new JsonObject(key.body()).getString("token")));
    for (String name : new String[] {"vault-r", "vault-rw"}) {
      grantToUser("tad", "tad", name);
    }
    assertThat(api.get("/api/v1/tenants/default/grants").body())
        .contains("\"secret\":\"vault-rw\"")
        .contains("\"instanceSecrets\":false");

    try (CleartextPasswordTrap trap = CleartextPasswordTrap.on("127.0.0.1")) {
      JsonObject applied =
          applyAndWait(
              "tad", DepotIT.instanceSecretDepot("tad-vault", "vault", trap.port(), "crm"));

      assertThat(applied.getString("status")).isEqualTo("error");
      assertThat(get("tad", "depot", "tad-vault").getJsonObject("details").getString("message"))
          .startsWith("secret reference denied: user 'tad' may not use instance-secret 'default:");
      assertThat(trap.connections()).as("no connection reached the trap").isZero();
    }
  }

  @Test
  void aGrantToAUserLetsTheirDepotUseTheSecretUntilItIsWithdrawn() {
    ok(as.get("ana").applyYaml(DepotIT.secret("orders-cred", TestPostgres.USER, PASSWORD), ""));
    grantToUser("ana", "mallory", "orders-cred");

    JsonObject applied =
        applyAndWait(
            "mallory",
            DepotIT.postgresDepot("mallory-orders", postgres.port(), "default:orders-cred"));
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");

    Api.Response withdrawn =
        as.get("ana").delete("/api/v1/tenants/default/grants/user:mallory/orders-cred");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(new JsonObject(withdrawn.body()).getJsonArray("revalidated"))
        .containsExactly("mallory-orders");

    awaitStatus("mallory", "mallory-orders", "error");
    assertThat(
            get("mallory", "depot", "mallory-orders").getJsonObject("details").getString("message"))
        .isEqualTo(
            "secret reference denied: user 'mallory' may not use secret 'default:orders-cred'");
    // No longer a dependent: nothing resolves the secret for the depot, and it can be deleted.
    ok(as.get("ana").delete("/api/v1/resources/secret/orders-cred"));
  }

  @Test
  void takingReadSecretFromAUserMovesTheDepotsTheyAppliedToError() {
    ok(as.get("ana").applyYaml(DepotIT.secret("reporting-cred", TestPostgres.USER, PASSWORD), ""));
    JsonObject applied =
        applyAndWait(
            "reader",
            DepotIT.postgresDepot("reader-orders", postgres.port(), "default:reporting-cred"));
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");

    Api.Response changed =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/users/reader"))
                .header("Content-Type", "application/json")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        userJson("reader", "default", "[]"))));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(new JsonObject(changed.body()).getJsonArray("revalidated"))
        .containsExactly("reader-orders");

    awaitStatus("reader", "reader-orders", "error");
    assertThat(
            get("reader", "depot", "reader-orders").getJsonObject("details").getString("message"))
        .isEqualTo(
            "secret reference denied: user 'reader' may not use secret 'default:reporting-cred'");
  }

  @Test
  void aWithdrawnCrossTenantGrantStopsTheOtherTenantsDepots() {
    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"sales\"}").status()).isEqualTo(201);
    ok(api.applyYaml(DepotIT.secret("shared-cred", TestPostgres.USER, PASSWORD), ""));
    assertThat(
            api.postJson(
                    "/api/v1/tenants/default/grants",
                    "{\"tenant\": \"sales\", \"secret\": \"shared-cred\"}")
                .status())
        .isEqualTo(201);
    Api.Response applied =
        api.applyYaml(
            DepotIT.postgresDepot("sales-orders", postgres.port(), "default:shared-cred"),
            "?wait=true&tenant=sales");
    assertThat(applied.body()).contains("\"status\":\"active\"");

    Api.Response withdrawn = api.delete("/api/v1/tenants/default/grants/sales/shared-cred");

    assertThat(new JsonObject(withdrawn.body()).getJsonArray("revalidated"))
        .containsExactly("sales-orders");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/resources/depot/sales-orders?tenant=sales")
                    .body()
                    .contains("\"status\":\"error\""));
    assertThat(api.get("/api/v1/resources/depot/sales-orders?tenant=sales").body())
        .contains("which it has not been granted");
  }

  @Test
  void removingAUserEndsTheirKeysAndTheSecretsTheirDepotsUsed() {
    user("leaver", "default", "[\"read-secret\"]");
    ok(as.get("ana").applyYaml(DepotIT.secret("leaver-cred", TestPostgres.USER, PASSWORD), ""));
    JsonObject applied =
        applyAndWait(
            "leaver",
            DepotIT.postgresDepot("leaver-orders", postgres.port(), "default:leaver-cred"));
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");

    Api.Response removed = api.delete("/api/v1/users/leaver");

    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(new JsonObject(removed.body()).getJsonArray("revalidated"))
        .containsExactly("leaver-orders");
    assertThat(as.get("leaver").get("/api/v1/users/me").status()).isEqualTo(401);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/resources/depot/leaver-orders")
                    .body()
                    .contains("user 'leaver' may not use secret 'default:leaver-cred'"));
  }

  @Test
  void removingAUserWithdrawsTheirGrantsAndTheirIdIsNotGivenAgain() {
    user("bob", "default", "[]");
    ok(as.get("ana").applyYaml(DepotIT.secret("bob-cred", TestPostgres.USER, PASSWORD), ""));
    grantToUser("ana", "bob", "bob-cred");
    JsonObject applied =
        applyAndWait(
            "bob", DepotIT.postgresDepot("bob-orders", postgres.port(), "default:bob-cred"));
    assertThat(applied.getString("status")).as(applied.encode()).isEqualTo("active");

    Api.Response removed = api.delete("/api/v1/users/bob");

    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    JsonObject answer = new JsonObject(removed.body());
    assertThat(answer.getJsonArray("grantsWithdrawn")).containsExactly("default:bob-cred");
    assertThat(answer.getJsonArray("revalidated")).containsExactly("bob-orders");
    assertThat(api.get("/api/v1/tenants/default/grants").body()).doesNotContain("bob-cred");
    awaitStatus("ana", "bob-orders", "error");
    // Ids are given by operators: a new colleague given the leaver's id would own the leaver's
    // secrets and hold their grants.
    Api.Response again = api.postJson("/api/v1/users", userJson("bob", "default", "[]"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    JsonObject error = new JsonObject(again.body()).getJsonObject("error");
    assertThat(error.getString("message"))
        .startsWith("user id 'bob' belonged to a user removed at");
    assertThat(error.getString("field")).isEqualTo("id");
    assertThat(api.get("/api/v1/users").body()).doesNotContain("\"id\":\"bob\"");
  }

  @Test
  void theGrantsARemovedTenantGaveDoNotOpenTheSecretsOfATenantCreatedLaterUnderItsName()
      throws Exception {
    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"oldco\"}").status()).isEqualTo(201);
    Api.Response granted =
        api.postJson(
            "/api/v1/tenants/oldco/grants", "{\"tenant\": \"default\", \"secret\": \"vault\"}");
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);

    Api.Response removed = api.delete("/api/v1/tenants/oldco");

    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(new JsonObject(removed.body()).getJsonArray("grantsWithdrawn"))
        .containsExactly("oldco/default/vault");

    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"oldco\"}").status()).isEqualTo(201);
    assertThat(api.get("/api/v1/tenants/oldco/grants").body()).isEqualTo("{\"items\":[]}");
    ok(api.applyYaml(DepotIT.secret("vault", "app", "trap-Pass-0004"), "?tenant=oldco"));
    try (CleartextPasswordTrap trap = CleartextPasswordTrap.on("127.0.0.1")) {
      JsonObject opened = applyAndWait("ana", trapDepot("ana-oldco", trap.port(), "oldco:vault"));

      assertThat(opened.getString("status")).isEqualTo("error");
      assertThat(get("ana", "depot", "ana-oldco").getJsonObject("details").getString("message"))
          .contains("which it has not been granted");
      assertThat(trap.connections()).as("no connection reached the trap").isZero();
    }
  }

  // --- fixtures

  private static String trapDepot(String name, int port, String secretId) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: postgresql
          spec: {host: 127.0.0.1, port: %d, database: crm}
          secrets:
            - {id: "%s", purpose: rw}
        """
        .formatted(name, port, secretId);
  }

  /** {@code by} grants the tenant's secret {@code secret} to {@code user}. */
  private static void grantToUser(String by, String user, String secret) {
    Api.Response granted =
        as.get(by)
            .postJson(
                "/api/v1/tenants/default/grants",
                "{\"user\": \"%s\", \"secret\": \"%s\"}".formatted(user, secret));
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
  }

  private static JsonObject applyAndWait(String user, String yaml) {
    Api.Response response = as.get(user).applyYaml(yaml, "?wait=true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("results").getJsonObject(0);
  }

  private static JsonObject get(String user, String type, String name) {
    Api.Response got = as.get(user).get("/api/v1/resources/" + type + "/" + name);
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    return new JsonObject(got.body());
  }

  private static void awaitStatus(String user, String depot, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status.equals(get(user, "depot", depot).getString("status")));
  }

  private static void ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private static String userJson(String id, String tenant, String useCases) {
    return "{\"id\": \"%s\", \"name\": \"%s\", \"type\": \"person\", \"tenants\": [\"%s\"], \"tags\": [\"roles:id:user\", \"roles:id:data-dev\"], \"useCases\": %s}"
        .formatted(id, id, tenant, useCases);
  }

  private static void user(String id, String tenant, String useCases) {
    Api.Response created = api.postJson("/api/v1/users", userJson(id, tenant, useCases));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response key = api.postJson("/api/v1/users/" + id + "/apikeys", "{}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    as.put(id, api.withToken(new JsonObject(key.body()).getString("token")));
  }
}
