package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request metrics over real HTTP (the API's router on a Vert.x server, no broker): their labels are
 * route templates, so made-up paths add no series, and the API port does not serve them.
 */
class HttpApiMetricsTest {

  private static final Pattern SERIES =
      Pattern.compile("^datadock_http_requests_seconds_count\\{(.*)} ", Pattern.MULTILINE);
  private static final Pattern ENDPOINT = Pattern.compile("endpoint=\"([^\"]*)\"");

  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    HttpApi api = RoutesOnly.api(metrics);
    HttpServer server =
        vertx.createHttpServer().requestHandler(api.router(vertx)).listen(0, "127.0.0.1").await();
    port = server.actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private int get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer not-a-token")
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private Set<String> series() {
    Set<String> out = new TreeSet<>();
    Matcher m = SERIES.matcher(metrics.scrape());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private Set<String> endpoints() {
    Set<String> out = new TreeSet<>();
    for (String labels : series()) {
      Matcher m = ENDPOINT.matcher(labels);
      assertThat(m.find()).as(labels).isTrue();
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void aThousandMadeUpPathsAddNoSeries() throws Exception {
    for (int i = 0; i < 250; i++) {
      String random = UUID.randomUUID().toString();
      assertThat(get("/api/v1/resources/secret/" + random)).isEqualTo(401);
      assertThat(get("/api/v1/datasets/" + random + "/" + random)).isEqualTo(401);
      assertThat(get("/api/" + random + "/" + random)).isEqualTo(401);
      assertThat(get("/" + random + "/" + random + "/" + random)).isEqualTo(404);
    }

    assertThat(endpoints())
        .containsExactly("/api/v1/datasets/:udl", "/api/v1/resources/:type/:name", "unmatched");
    assertThat(series()).hasSize(4); // the three, and unmatched with 401 and with 404
  }

  @Test
  void theApiPortDoesNotServeMetrics() throws Exception {
    assertThat(get("/metrics")).isEqualTo(404);
  }
}
