package io.datadock.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.replay.StateDigest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StateDigestRouteTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answersTheDigestAsJsonOr503WhileTheStateCannotBeRead() throws Exception {
    StateDigest digest =
        StateDigest.builder().add("k", "v".getBytes(StandardCharsets.UTF_8)).build();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try (MetricsServer server =
        new MetricsServer(ServiceMetrics.registry("digest-test"), 0, () -> true)) {
      server.mount(
          "/state/digest",
          StateDigestRoute.handler(
              () -> {
                if (failure.get() != null) {
                  throw failure.get();
                }
                return digest;
              }));
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/state/digest");

      HttpResponse<String> ok = get(uri);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(ok.body()).isEqualTo(digest.json());

      failure.set(new IllegalStateException("rebalancing"));
      HttpResponse<String> unavailable = get(uri);
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.body())
          .isEqualTo("{\"error\":\"state not available: IllegalStateException\"}");
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
