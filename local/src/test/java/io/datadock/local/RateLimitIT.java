package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tenant over its request rate gets 429 with Retry-After; another tenant is not slowed. */
class RateLimitIT {

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;

  @BeforeAll
  static void start() {
    platform = RunningPlatform.start(PlatformOptions.defaults(dataDir).withTenantRate(5));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
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
}
