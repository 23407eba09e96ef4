package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.connectors.TestSnowflakeServer;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission model through real HTTP: every endpoint against members and non-members, user,
 * data-dev, tenant-admin and operator, owner and non-owner. Each cell asserts the exact status and
 * message, and no cell may read or write across tenants.
 */
class AuthorizationMatrixIT extends PlatformIT {

  static final String DATA_DEV = "forbidden: user does not have required role data-dev";
  static final String OPERATOR = "forbidden: user does not have required role operator";

  static final Map<String, Api> as = new LinkedHashMap<>();
  static final List<String> tokens = new ArrayList<>();

  @BeforeAll
  static void people() {
    created(api.postJson("/api/v1/tenants", "{\"name\": \"alpha\"}"));
    created(api.postJson("/api/v1/tenants", "{\"name\": \"beta\"}"));
    user("viewer", "alpha", "[\"roles:id:user\"]", "[]");
    user("dev", "alpha", "[\"roles:id:user\", \"roles:id:data-dev\"]", "[]");
    user("dev2", "alpha", "[\"roles:id:data-dev\"]", "[]");
    user("tadmin", "alpha", "[\"roles:id:data-dev\", \"roles:id:tenant-admin\"]", "[]");
    user("ops", "alpha", "[\"roles:id:operator\", \"roles:id:data-dev\"]", "[]");
    user("outsider", "beta", "[\"roles:id:data-dev\"]", "[]");
    user("reader", "alpha", "[\"roles:id:user\"]", "[\"read-secret\", \"unsanitize-resource\"]");
    // In two tenants: the legacy unscoped tag makes it admin of neither; the scoped one of beta.
    user("multi", "alpha\", \"beta", "[\"roles:id:data-dev\", \"roles:id:tenant-admin\"]", "[]");
    user(
        "badmin",
        "alpha\", \"beta",
        "[\"roles:id:data-dev\", \"roles:id:tenant-admin:beta\"]",
        "[]");
    expect(as.get("dev").applyYaml(secret("alpha-cred", "pw-1"), ""), 200, null);
    expect(as.get("outsider").applyYaml(secret("beta-cred", "pw-b"), ""), 200, null);
  }

  static void created(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  static void user(String id, String tenant, String tags, String useCases) {
    created(
        api.postJson(
            "/api/v1/users",
            "{\"id\": \"%s\", \"name\": \"%s\", \"type\": \"person\", \"tenants\": [\"%s\"], \"tags\": %s, \"useCases\": %s}"
                .formatted(id, id, tenant, tags, useCases)));
    Api.Response key = api.postJson("/api/v1/users/" + id + "/apikeys", "{}");
    created(key);
    String token = new JsonObject(key.body()).getString("token");
    tokens.add(token);
    as.put(id, api.withToken(token));
  }

  static String secret(String name, String password) {
    return SecretApiIT.secret(name, password);
  }

  static String instanceSecret(String name) {
    return "name: %s\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value\n  acl: r\n  data: {password: x}\n"
        .formatted(name);
  }

  /** Asserts the status, and the exact error message when one is given. */
  static JsonObject expect(Api.Response r, int status, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonObject body = r.body().isBlank() ? new JsonObject() : new JsonObject(r.body());
    if (message != null) {
      assertThat(body.getJsonObject("error").getString("message")).isEqualTo(message);
    }
    return body;
  }

  static Api.Response post(Api api, String path) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void applyNeedsDataDevInAMemberTenant() {
    expect(as.get("viewer").applyYaml(secret("v-cred", "x"), ""), 403, DATA_DEV);
    expect(
        as.get("outsider").applyYaml(secret("o-cred", "x"), "?tenant=alpha"),
        404,
        "tenant 'alpha' not found");
    expect(as.get("viewer").applyYaml(secret("v-cred", "x"), "?dryRun=true"), 403, DATA_DEV);
    expect(as.get("dev").applyYaml(secret("dev-own", "x"), ""), 200, null);
  }

  @Test
  void membersReadNonMembersSeeNothingAtAll() {
    expect(as.get("viewer").get("/api/v1/resources/secret/alpha-cred"), 200, null);
    expect(
        as.get("outsider").get("/api/v1/resources/secret/alpha-cred?tenant=alpha"),
        404,
        "secret 'alpha-cred' not found");
    expect(
        as.get("outsider").get("/api/v1/resources?tenant=alpha&all=true"),
        404,
        "tenant 'alpha' not found");
    // and the other way round: alpha's members cannot see beta
    expect(
        as.get("dev").get("/api/v1/resources/secret/beta-cred?tenant=beta"),
        404,
        "secret 'beta-cred' not found");
    expect(
        as.get("dev").get("/api/v1/datasets?depot=anything&tenant=beta"),
        404,
        "depot 'anything' not found");
  }

  @Test
  void listingShowsOwnResourcesUnlessAll() {
    JsonArray own =
        expect(as.get("viewer").get("/api/v1/resources?type=secret"), 200, null)
            .getJsonArray("items");
    JsonArray all =
        expect(as.get("viewer").get("/api/v1/resources?type=secret&all=true"), 200, null)
            .getJsonArray("items");
    assertThat(names(own)).doesNotContain("alpha-cred");
    assertThat(names(all)).contains("alpha-cred").doesNotContain("beta-cred");
  }

  @Test
  void anotherUsersResourceNeedsATenantAdminOrOperator() {
    expect(as.get("dev").applyYaml(secret("shared-cred", "one"), ""), 200, null);

    expect(
        as.get("dev2").applyYaml(secret("shared-cred", "two"), ""),
        403,
        "forbidden: secret 'shared-cred' is owned by 'dev'");
    expect(
        as.get("dev2").delete("/api/v1/resources/secret/shared-cred"),
        403,
        "forbidden: secret 'shared-cred' is owned by 'dev'");
    expect(as.get("tadmin").applyYaml(secret("shared-cred", "three"), ""), 200, null);
    expect(as.get("ops").delete("/api/v1/resources/secret/shared-cred"), 200, null);
  }

  /**
   * Two members apply the same new name at once. The gateway's ownership check reads its view,
   * which has neither yet, so both pass it; secret-service decides again in order: the first
   * creates, the second is refused as the gateway would refuse it. Before the services checked, the
   * second "updated" the first's secret and took it over.
   */
  @Test
  void anApplyRacingTheOwnersCreationNeverTakesTheResourceOver() throws Exception {
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 30; i++) {
        String name = "raced-" + i;
        CyclicBarrier start = new CyclicBarrier(2);
        Map<String, Future<Api.Response>> sent = new LinkedHashMap<>();
        for (String user : List.of("dev", "dev2")) {
          sent.put(
              user,
              both.submit(
                  () -> {
                    start.await();
                    return as.get(user).applyYaml(secret(name, user + "-pw"), "");
                  }));
        }
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        for (var e : sent.entrySet()) {
          answers.put(e.getKey(), e.getValue().get(30, TimeUnit.SECONDS));
        }
        String creator = answers.get("dev").status() == 200 ? "dev" : "dev2";
        String other = creator.equals("dev") ? "dev2" : "dev";

        JsonObject created = expect(answers.get(creator), 200, null);
        assertThat(created.getJsonArray("results").getJsonObject(0).getString("outcome"))
            .isEqualTo("created");
        expect(
            answers.get(other),
            403,
            "forbidden: secret '" + name + "' is owned by '" + creator + "'");
        assertThat(
                expect(as.get("dev").get("/api/v1/resources/secret/" + name), 200, null)
                    .getString("owner"))
            .isEqualTo(creator);
      }
    } finally {
      both.shutdownNow();
    }
  }

  static final String TENANT_ADMIN = "forbidden: user does not have required role tenant-admin";

  @Test
  void tenantAdminIsScopedToOneTenant() {
    expect(as.get("dev").applyYaml(secret("admins-cred", "one"), ""), 200, null);
    // the legacy tag in two tenants: admin of neither
    expect(
        as.get("multi").applyYaml(secret("admins-cred", "two"), ""),
        403,
        "forbidden: secret 'admins-cred' is owned by 'dev'");
    String grant = "{\"tenant\": \"alpha\", \"secret\": \"scoped-grant\"}";
    expect(as.get("multi").postJson("/api/v1/tenants/beta/grants", grant), 403, TENANT_ADMIN);
    // roles:id:tenant-admin:beta: admin of beta, not of alpha
    expect(
        as.get("badmin").applyYaml(secret("admins-cred", "three"), ""),
        403,
        "forbidden: secret 'admins-cred' is owned by 'dev'");
    expect(as.get("badmin").postJson("/api/v1/tenants/alpha/grants", grant), 403, TENANT_ADMIN);
    created(as.get("badmin").postJson("/api/v1/tenants/beta/grants", grant));
    expect(as.get("badmin").delete("/api/v1/tenants/beta/grants/alpha/scoped-grant"), 200, null);
    // a member of one tenant with the legacy tag stays its admin
    expect(as.get("tadmin").applyYaml(secret("admins-cred", "four"), ""), 200, null);
  }

  @Test
  void usersGetNoTagThatReachesBeyondThem() {
    expect(
        api.postJson(
            "/api/v1/users",
            "{\"id\": \"pretender\", \"tenants\": [\"alpha\"], \"tags\": [\"roles:id:tenant-admin:beta\"]}"),
        422,
        "tag 'roles:id:tenant-admin:beta' makes the user admin of tenant 'beta', which is not"
            + " one of its tenants");
    expect(
        api.postJson(
            "/api/v1/users",
            "{\"id\": \"pretender\", \"tenants\": [\"alpha\"], \"tags\": [\"users:id:dev\"]}"),
        422,
        "tag 'users:id:dev' names another user; a user's own tag is users:id:pretender");
    expect(
        as.get("tadmin")
            .postJson(
                "/api/v1/users",
                "{\"id\": \"minted\", \"tenants\": [\"alpha\"], \"tags\": [\"roles:id:operator\"]}"),
        403,
        OPERATOR);
  }

  static final String OWNER =
      "forbidden: owner 'dev2' is not the caller; only an operator or a"
          + " tenant admin may apply for another owner";

  @Test
  void aManifestsOwnerIsTheCallerUnlessAnAdminSaysOtherwise() {
    String forged = "owner: dev2\n" + secret("forged-cred", "x");
    JsonObject refused = expect(as.get("dev").applyYaml(forged, ""), 403, OWNER);
    assertThat(refused.getJsonObject("error").getString("field")).isEqualTo("owner");
    String depot =
        """
        name: forged-depot
        version: v2alpha
        type: depot
        owner: dev2
        spec:
          type: postgres
          spec: {host: localhost, port: 5432, database: d}
          secrets: [{id: "alpha:alpha-cred", purpose: rw}]
        """;
    expect(as.get("dev").applyYaml(depot, "?dryRun=true"), 403, OWNER);
    expect(as.get("ops").applyYaml(instanceSecret("forged-inst") + "owner: dev2\n", ""), 200, null);
    expect(as.get("dev").get("/api/v1/resources/secret/forged-cred"), 404, null);

    JsonObject applied = expect(as.get("tadmin").applyYaml(forged, ""), 200, null);
    assertThat(applied.getJsonArray("results").getJsonObject(0).getString("outcome"))
        .isEqualTo("created");
    assertThat(
            expect(as.get("dev2").get("/api/v1/resources/secret/forged-cred"), 200, null)
                .getString("owner"))
        .isEqualTo("dev2");
  }

  @Test
  void fileDepotsNeedAnOperator() {
    String tenantShape =
        """
        name: files
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s", format: csv}
        """
            .formatted(dataDir.toAbsolutePath());
    String instanceShape =
        """
        name: files
        version: v2alpha
        type: depot
        depot:
          type: FILE
          file: {path: "%s"}
        """
            .formatted(dataDir.toAbsolutePath());
    String message = "forbidden: file depots need role operator";
    JsonObject refused = expect(as.get("dev").applyYaml(tenantShape, "?dryRun=true"), 403, message);
    assertThat(refused.getJsonObject("error").getString("field")).isEqualTo("spec.type");
    refused = expect(as.get("tadmin").applyYaml(instanceShape, "?dryRun=true"), 403, message);
    assertThat(refused.getJsonObject("error").getString("field")).isEqualTo("depot.type");
    expect(as.get("ops").applyYaml(tenantShape, "?dryRun=true"), 200, null);
  }

  @Test
  void deletingNeedsDataDevMembershipAndOwnership() {
    expect(as.get("dev").applyYaml(secret("to-delete", "x"), ""), 200, null);
    expect(as.get("viewer").delete("/api/v1/resources/secret/to-delete"), 403, DATA_DEV);
    expect(
        as.get("outsider").delete("/api/v1/resources/secret/to-delete?tenant=alpha"),
        404,
        "secret 'to-delete' not found");
    expect(as.get("dev").delete("/api/v1/resources/secret/to-delete?force=true"), 403, OPERATOR);
    expect(as.get("dev").delete("/api/v1/resources/secret/to-delete"), 200, null);
  }

  @Test
  void instanceLevelResourcesNeedAnOperator() {
    expect(as.get("dev").applyYaml(instanceSecret("inst-a"), ""), 403, OPERATOR);
    expect(as.get("ops").applyYaml(instanceSecret("inst-a"), ""), 200, null);
  }

  @Test
  void secretValuesNeedTheUnsanitizeUseCase() {
    expect(
        as.get("dev").get("/api/v1/resources/secret/alpha-cred?unsanitize=true"),
        403,
        "forbidden: user does not have use-case unsanitize-resource");
    JsonObject values =
        expect(
            as.get("reader").get("/api/v1/resources/secret/alpha-cred?unsanitize=true"), 200, null);
    assertThat(values.getJsonObject("spec").getJsonObject("data").getString("password"))
        .isEqualTo("pw-1");
  }

  @Test
  void identityEndpointsAreForOperatorsAndOneselfOnly() {
    JsonObject me = expect(as.get("viewer").get("/api/v1/users/me"), 200, null);
    assertThat(me.getString("id")).isEqualTo("viewer");
    assertThat(me.getJsonArray("tenants").getList()).containsExactly("alpha");

    expect(as.get("dev").postJson("/api/v1/tenants", "{\"name\": \"gamma\"}"), 403, OPERATOR);
    expect(as.get("dev").get("/api/v1/users"), 403, OPERATOR);
    expect(
        as.get("dev").postJson("/api/v1/users", "{\"id\": \"x\", \"tenants\": [\"alpha\"]}"),
        403,
        OPERATOR);
    expect(as.get("dev").postJson("/api/v1/users/viewer/apikeys", "{}"), 403, OPERATOR);
    expect(as.get("viewer").postJson("/api/v1/users/viewer/apikeys", "{}"), 201, null);
    assertThat(expect(as.get("ops").get("/api/v1/users"), 200, null).getJsonArray("items").size())
        .isGreaterThanOrEqualTo(7);
  }

  @Test
  void aRevokedKeyStopsAtOnceAndAnExpiredOneStopsOnTime() {
    JsonObject issued = new JsonObject(api.postJson("/api/v1/users/dev2/apikeys", "{}").body());
    Api dev2 = api.withToken(issued.getString("token"));
    tokens.add(issued.getString("token"));
    expect(dev2.get("/api/v1/users/me"), 200, null);

    expect(api.delete("/api/v1/users/dev2/apikeys/" + issued.getString("keyId")), 200, null);

    expect(dev2.get("/api/v1/users/me"), 401, "invalid, expired or revoked token");

    JsonObject shortLived =
        new JsonObject(
            api.postJson("/api/v1/users/dev2/apikeys", "{\"expiresInSeconds\": 1}").body());
    tokens.add(shortLived.getString("token"));
    Api brief = api.withToken(shortLived.getString("token"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> brief.get("/api/v1/users/me").status() == 401);
    JsonArray listed =
        expect(api.get("/api/v1/users/dev2/apikeys"), 200, null).getJsonArray("items");
    assertThat(listed.encode()).doesNotContain(issued.getString("token"));
  }

  @Test
  void aTenantWithResourcesCannotBeDeleted() {
    expect(api.delete("/api/v1/tenants/alpha"), 409, null);
    created(api.postJson("/api/v1/tenants", "{\"name\": \"empty\"}"));
    expect(api.delete("/api/v1/tenants/empty"), 200, null);
    expect(api.delete("/api/v1/tenants/empty"), 404, "tenant 'empty' not found");
  }

  @Test
  void tokensNeverReachTheLog() throws Exception {
    Path log = Path.of(System.getProperty("datadock.it.log", "target/it-logs/datadock-it.log"));
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    for (String token : tokens) {
      assertThat(text).doesNotContain(token).doesNotContain(token.substring(21));
    }
  }

  @Test
  void credentialResolutionChecksTheUserAgainInSecretService() throws Exception {
    Resolver resolver = new Resolver(platform);
    String key = "alpha/secret/alpha-cred";
    assertThat(resolver.resolve(tokenOf("reader"), key, "rw").status()).isEqualTo(200);
    Api.Response noUseCase = resolver.resolve(tokenOf("dev"), key, "rw");
    assertThat(noUseCase.status()).isEqualTo(403);
    assertThat(noUseCase.body()).contains("forbidden: user does not have use-case read-secret");
    Api.Response outsider = resolver.resolve(tokenOf("outsider"), key, "rw");
    assertThat(outsider.status()).isEqualTo(403);
    assertThat(outsider.body()).contains("forbidden: user is not a member of tenant 'alpha'");
  }

  @Test
  void everyMutatingRequestIsAudited() throws Exception {
    expect(as.get("viewer").applyYaml(secret("audited", "x"), ""), 403, DATA_DEV);
    try (TopicRecorder<io.datadock.schemas.identity.AuditRecord> audit =
        new TopicRecorder<>(
            platform.kafka(KafkaPrincipal.OPERATOR), io.datadock.schemas.Topics.AUDIT)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(audit.values(r -> true))
                      .anySatisfy(
                          a -> {
                            assertThat(a.getActor()).isEqualTo("viewer");
                            assertThat(a.getMethod()).isEqualTo("POST");
                            assertThat(a.getPath()).isEqualTo("/api/v1/resources");
                            assertThat(a.getStatus()).isEqualTo(403);
                          }));
    }
  }

  @Test
  void aCrossTenantReferenceNeedsTheOwningTenantsGrant() throws Exception {
    // a Snowflake on loopback that lets beta-cred's user in: the depot is active once granted
    try (TestSnowflakeServer snowflake =
        TestSnowflakeServer.start("x")
            .user("sales_reader", "pw-b")
            .warehouse("W")
            .grant("PUBLIC", "W", "D")
            .table("D", "PUBLIC", "T", "BASE TABLE", 1, "ID NUMBER")) {
      crossTenantReference(snowflake);
    }
  }

  private void crossTenantReference(TestSnowflakeServer snowflake) {
    String depot =
        """
        name: cross
        version: v2alpha
        type: depot
        spec:
          type: snowflake
          spec: {url: "%s", account: x, database: D, warehouse: W}
          secrets: [{id: "beta:beta-cred", purpose: rw}]
        """
            .formatted(snowflake.url());
    JsonObject refused =
        expect(as.get("dev").applyYaml(depot, "?wait=true"), 200, null)
            .getJsonArray("results")
            .getJsonObject(0);
    assertThat(refused.getString("status")).isEqualTo("error");
    assertThat(refused.getString("message"))
        .isEqualTo(
            "secret reference denied: secret 'beta-cred' is in tenant 'beta', not in the depot's"
                + " tenant 'alpha', which it has not been granted");

    String grant = "{\"tenant\": \"alpha\", \"secret\": \"beta-cred\"}";
    expect(
        as.get("dev").postJson("/api/v1/tenants/beta/grants", grant),
        404,
        "tenant 'beta' not found");
    expect(
        as.get("outsider")
            .postJson(
                "/api/v1/tenants/beta/grants", "{\"tenant\": \"alpha\", \"secret\": \"other\"}"),
        403,
        "forbidden: user does not have required role tenant-admin");
    // The secret's owner may grant it (so may an operator or an admin of its tenant).
    created(as.get("outsider").postJson("/api/v1/tenants/beta/grants", grant));

    JsonObject granted =
        expect(as.get("dev").applyYaml(depot, "?wait=true"), 200, null)
            .getJsonArray("results")
            .getJsonObject(0);
    assertThat(granted.getString("status")).as(granted.encode()).isEqualTo("active");
    assertThat(
            expect(as.get("outsider").get("/api/v1/tenants/beta/grants"), 200, null)
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("tenant"))
        .isEqualTo("alpha");

    // Withdrawn: listed no more, the depot it let in asks again and is refused, and so is a depot
    // referencing the secret from now on.
    assertThat(
            expect(api.delete("/api/v1/tenants/beta/grants/alpha/beta-cred"), 200, null)
                .getJsonArray("revalidated"))
        .containsExactly("cross");
    assertThat(expect(api.get("/api/v1/tenants/beta/grants"), 200, null).getJsonArray("items"))
        .isEmpty();
    JsonObject afterWithdrawal =
        expect(
                as.get("dev")
                    .applyYaml(depot.replace("name: cross", "name: cross-late"), "?wait=true"),
                200,
                null)
            .getJsonArray("results")
            .getJsonObject(0);
    assertThat(afterWithdrawal.getString("status")).isEqualTo("error");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "error"
                    .equals(
                        expect(as.get("dev").get("/api/v1/resources/depot/cross"), 200, null)
                            .getString("status")));
  }

  private static String tokenOf(String user) {
    return as.get(user).token();
  }

  private static List<String> names(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("name")).toList();
  }
}
