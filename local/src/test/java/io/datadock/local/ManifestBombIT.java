package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest an attacker sent (564 bytes, eleven levels of four nested YAML aliases under
 * spec.spec) used to hold a gateway event loop for seconds before its 422, and was parsed before
 * the caller's role was checked. Now aliases are refused at once, off the event loop, and only for
 * callers who may apply at all.
 */
@RunsAlone
class ManifestBombIT extends PlatformIT {

  static final String ALIASES = "aliases are not allowed in manifests";

  static Api viewer;

  @BeforeAll
  static void people() {
    assertThat(api.postJson("/api/v1/tenants", "{\"name\": \"bombed\"}").status()).isEqualTo(201);
    assertThat(
            api.postJson(
                    "/api/v1/users",
                    "{\"id\": \"looker\", \"tenants\": [\"bombed\"], \"tags\": [\"roles:id:user\"]}")
                .status())
        .isEqualTo(201);
    Api.Response key = api.postJson("/api/v1/users/looker/apikeys", "{}");
    viewer = api.withToken(new JsonObject(key.body()).getString("token"));
  }

  /** Eleven levels: 564 bytes. */
  static String bomb() {
    StringBuilder yaml =
        new StringBuilder(
            "name: bomb\nversion: v2alpha\ntype: depot\nspec:\n  type: postgres\n  spec:\n"
                + "    host: localhost\n    port: 5432\n    database: d\n    a0: &a0 [x, x, x, x]\n");
    for (int n = 1; n <= 11; n++) {
      String p = "*a" + (n - 1);
      yaml.append("    a%d: &a%d [%s, %s, %s, %s]\n".formatted(n, n, p, p, p, p));
    }
    return yaml.toString();
  }

  private static HttpRequest apply(String token) {
    return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/resources"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/yaml")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(bomb()))
        .build();
  }

  @Test
  void theBombIsRefusedAtOnceNamingWhere() {
    assertThat(bomb().getBytes(StandardCharsets.UTF_8).length).isBetween(500, 600);
    api.applyYaml(bomb(), ""); // warm up the code path
    long[] tookMs = new long[5];
    for (int i = 0; i < tookMs.length; i++) {
      long started = System.nanoTime();
      Api.Response r = api.applyYaml(bomb(), "");
      tookMs[i] = (System.nanoTime() - started) / 1_000_000;
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message"))
          .isEqualTo(ALIASES + ": an anchor at line 10, column 9");
    }
    Arrays.sort(tookMs);
    assertThat(tookMs[tookMs.length / 2])
        .as("median ms of %s", Arrays.toString(tookMs))
        .isLessThan(100);
    assertThat(tookMs[tookMs.length - 1]).as("slowest ms").isLessThan(1000);
  }

  @Test
  void aCallerWhoMayNotApplyIsRefusedBeforeTheBodyIsRead() {
    Api.Response r = viewer.applyYaml(bomb(), "");
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("forbidden: user does not have required role data-dev");

    Api.Response outsider = viewer.applyYaml(bomb(), "?tenant=default");
    assertThat(outsider.status()).as(outsider.body()).isEqualTo(404);
    assertThat(outsider.body()).contains("tenant 'default' not found");
  }

  @Test
  void thirtyTwoBombsAtOnceLeaveTheGatewayAnswering() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> bombs = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      bombs.add(
          http.sendAsync(apply(RunningPlatform.ADMIN_TOKEN), HttpResponse.BodyHandlers.ofString()));
    }
    long started = System.nanoTime();
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/readyz"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long readyMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(readyMs).as("/readyz answered in ms").isLessThan(1000);
    for (CompletableFuture<HttpResponse<String>> bomb : bombs) {
      HttpResponse<String> r = bomb.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      assertThat(r.body()).contains(ALIASES);
    }
  }
}
