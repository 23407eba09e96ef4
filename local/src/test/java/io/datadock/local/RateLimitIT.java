package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tenant over its request rate gets 429 with Retry-After; another tenant is not slowed. A
 * request spends its tenant's budget only when the caller is a member, else the caller's own: a
 * tenant named in a query neither drains another tenant nor adds a bucket.
 */
@RunsAlone
class RateLimitIT {

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;

  static Api mallory;
  static Api bob;

  @BeforeAll
  static void start() {
    platform = RunningPlatform.start(PlatformOptions.defaults(dataDir).withTenantRate(5));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    created(() -> api.postJson("/api/v1/tenants", "{\"name\": \"alpha\"}"));
    created(() -> api.postJson("/api/v1/tenants", "{\"name\": \"beta\"}"));
    mallory = user("mallory", "alpha");
    bob = user("bob", "beta");
  }

  /** Setting up spends the admin's budget too: a 429 created nothing, so it is tried again. */
  static Api.Response created(Supplier<Api.Response> request) {
    AtomicReference<Api.Response> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              last.set(request.get());
              return last.get().status() != 429;
            });
    assertThat(last.get().status()).as(last.get().body()).isEqualTo(201);
    return last.get();
  }

  static Api user(String id, String tenant) {
    created(
        () ->
            api.postJson(
                "/api/v1/users",
                "{\"id\": \"%s\", \"tenants\": [\"%s\"], \"tags\": [\"roles:id:data-dev\"]}"
                    .formatted(id, tenant)));
    Api.Response key = created(() -> api.postJson("/api/v1/users/" + id + "/apikeys", "{}"));
    return api.withToken(new JsonObject(key.body()).getString("token"));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aBusyTenantIsLimitedAndOthersAreNot() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<HttpResponse<String>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(
          http.send(
              HttpRequest.newBuilder(api.uri("/api/v1/resources"))
                  .header("Authorization", "Bearer " + RunningPlatform.ADMIN_TOKEN)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> limited = burst.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(limited.get(0).headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(limited.get(0).body())
        .contains("\"code\":\"rate_limited\"")
        .contains("too many requests for tenant 'default'");

    // the same caller in another tenant has its own budget
    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(api.uri("/api/v1/resources?tenant=elsewhere"))
                .header("Authorization", "Bearer " + RunningPlatform.ADMIN_TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).as(other.body()).isNotEqualTo(429);
  }

  @Test
  void aCallerCannotSpendTheBudgetOfATenantItIsNotIn() {
    List<Api.Response> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(mallory.get("/api/v1/resources?tenant=beta"));
    }
    assertThat(burst)
        .filteredOn(r -> r.status() == 429)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.body()).contains("too many requests for user 'mallory'"));

    Api.Response victim = bob.get("/api/v1/resources");
    assertThat(victim.status()).as(victim.body()).isEqualTo(200);
  }

  @Test
  void madeUpTenantsDoNotGrowTheLimiter() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 10_000; i++) {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(api.uri("/api/v1/resources?tenant=" + UUID.randomUUID()))
                  .header("Authorization", "Bearer " + mallory.token())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(r.statusCode()).isIn(404, 429);
    }
    String metrics = MetricsIT.scrape(platform.metricsUrls().get("gateway"));
    Matcher buckets =
        Pattern.compile("^datadock_ratelimit_buckets\\{[^}]*} ([0-9.]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertThat(buckets.find()).as("the limiter's gauge").isTrue();
    assertThat(Double.parseDouble(buckets.group(1))).isLessThanOrEqualTo(5);
  }
}
