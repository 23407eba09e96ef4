package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthApiTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private Vertx vertx;
  private int port;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("broker", () -> true);
    checks.put("readView", caughtUp::get);
    Router router = Router.router(vertx);
    new HealthApi(checks).mount(router);
    port =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzAnswersWhileNotReady() throws Exception {
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void readyzIs503UntilEveryCheckHoldsAndShowsEach() throws Exception {
    HttpResponse<String> notReady = get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body())
        .isEqualTo("{\"ready\":false,\"checks\":{\"broker\":true,\"readView\":false}}");

    caughtUp.set(true);
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getBoolean("ready")).isTrue();
  }
}
