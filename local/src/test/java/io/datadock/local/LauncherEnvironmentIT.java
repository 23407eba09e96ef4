package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.kafka.FreePorts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher honours the environment the standalone services read (issue 15: with {@code
 * DATADOCK_TENANT_RATE_LIMIT=0} it still answered 429): {@link Platform} started with that
 * environment turns the gateway's limiter off and puts its operations listener where {@code
 * DATADOCK_METRICS_PORT} says.
 */
class LauncherEnvironmentIT {

  /** Over the default limit's burst (one second's worth, 1000) from one caller. */
  private static final int BURST = 1_200;

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;
  static int metricsPort;

  @BeforeAll
  static void start() {
    metricsPort = FreePorts.pick();
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir)
                .withEnvironment(
                    java.util.Map.of(
                        Setting.DATADOCK_TENANT_RATE_LIMIT.variable(),
                        "0",
                        Setting.DATADOCK_METRICS_PORT.variable(),
                        String.valueOf(metricsPort))));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void withTheRateLimitOffABurstOverTheDefaultBudgetIsNeverRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest list =
        HttpRequest.newBuilder(api.uri("/api/v1/resources"))
            .header("Authorization", "Bearer " + RunningPlatform.ADMIN_TOKEN)
            .GET()
            .build();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < BURST; i++) {
        statuses.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return http.send(list, HttpResponse.BodyHandlers.discarding()).statusCode();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                callers));
      }
      assertThat(statuses.stream().map(CompletableFuture::join)).hasSize(BURST).containsOnly(200);
    } finally {
      callers.shutdownNow();
    }

    // a limiter that is on keeps a bucket for the caller who just spent its budget; off, none
    String metrics = MetricsIT.scrape(platform.metricsUrls().get("gateway"));
    Matcher buckets =
        Pattern.compile("^datadock_ratelimit_buckets\\{[^}]*} ([0-9.]+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertThat(buckets.find()).as("the limiter's gauge").isTrue();
    assertThat(Double.parseDouble(buckets.group(1))).isZero();
  }

  @Test
  void aBadValueStopsTheStartWithAMessageNamingTheVariable(@TempDir Path otherDir) {
    PlatformOptions bad =
        PlatformOptions.defaults(otherDir)
            .withAdminToken(RunningPlatform.ADMIN_TOKEN)
            .with(Setting.DATADOCK_TENANT_RATE_LIMIT, "abc");

    assertThatThrownBy(() -> Platform.start(bad).close())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DATADOCK_TENANT_RATE_LIMIT: not a number: \"abc\"");
  }

  @Test
  void theGatewaysOperationsListenerIsOnTheConfiguredPort() throws Exception {
    String url = "http://localhost:" + metricsPort + "/metrics";

    assertThat(platform.metricsUrls().get("gateway")).isEqualTo(url);
    assertThat(MetricsIT.scrape(url)).contains("datadock_ratelimit_buckets");
  }
}
