package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every service answers {@code /metrics} in Prometheus format, with its own measurements, on an
 * operations listener (secret-service on its internal one).
 */
class MetricsIT extends PlatformIT {

  static String scrape(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  @Test
  void everyServiceExposesItsMetrics() throws Exception {
    api.applyYaml(SecretApiIT.secret("metered", "m"), "");
    Map<String, String> urls = platform.metricsUrls();

    assertThat(scrape(urls.get("gateway")))
        .contains("datadock_http_requests_seconds_count{")
        .contains("endpoint=\"/api/v1/resources\"")
        .contains("datadock_command_latency_seconds_count{")
        .contains("jvm_memory_used_bytes");
    assertThat(scrape(urls.get("secret-service")))
        .contains("kafka_stream")
        .contains("service=\"secret-service\"");
    assertThat(scrape(urls.get("depot-service")))
        .contains("kafka_stream")
        .contains("service=\"depot-service\"");
    assertThat(scrape(urls.get("catalog-scanner")))
        .contains("kafka_consumer")
        .contains("service=\"catalog-scanner\"");
  }

  /**
   * The gateway's metrics are on its operations listener, not on the API port, and labelled by
   * route template: a made-up name or path adds no series.
   */
  @Test
  void gatewayMetricsAreOnTheOperationsListenerByRouteTemplate() throws Exception {
    HttpResponse<String> onApiPort =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(onApiPort.statusCode()).isEqualTo(404);
    assertThat(platform.metricsUrls().get("gateway")).doesNotStartWith(platform.gatewayUrl());

    String marker = "made-up-" + System.nanoTime();
    assertThat(api.get("/api/v1/resources/secret/" + marker).status()).isEqualTo(404);
    assertThat(api.get("/" + marker + "/x/y").status()).isEqualTo(404);

    assertThat(scrape(platform.metricsUrls().get("gateway")))
        .contains("endpoint=\"/api/v1/resources/:type/:name\"")
        .contains("endpoint=\"unmatched\"")
        .doesNotContain(marker);
  }

  @Test
  void everyServiceAnswersLivenessAndReadiness() throws Exception {
    for (var e : platform.metricsUrls().entrySet()) {
      String base = e.getValue().substring(0, e.getValue().lastIndexOf("/metrics"));
      assertThat(scrape(base + "/healthz")).as(e.getKey()).isNotBlank();
      assertThat(scrape(base + "/readyz")).as(e.getKey()).contains("ready");
    }
  }
}
