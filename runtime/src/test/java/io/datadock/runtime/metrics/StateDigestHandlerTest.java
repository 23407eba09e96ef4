package io.datadock.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.replay.StateNotReadableYet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A service's {@code /state/digest}, on a real listener on loopback. */
class StateDigestHandlerTest {

  @Test
  void answersTheDigestAsJsonOr503WhileTheStateCannotBeRead() throws Exception {
    StateDigest digest = StateDigest.builder().add("k", new byte[] {1}).build();
    try (MetricsServer server =
        new MetricsServer(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 0, () -> true)) {
      server.mount("/state/digest", new StateDigestHandler(() -> digest));
      server.mount(
          "/state/busy",
          new StateDigestHandler(
              () -> {
                throw new StateNotReadableYet("rebalancing", null);
              }));
      HttpResponse<String> ok = get(server.port(), "/state/digest");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(ok.body()).isEqualTo("{\"entries\":1,\"sha256\":\"" + digest.sha256() + "\"}");

      HttpResponse<String> busy = get(server.port(), "/state/busy");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.body()).isEqualTo("{\"error\":\"state not available: StateNotReadableYet\"}");
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
