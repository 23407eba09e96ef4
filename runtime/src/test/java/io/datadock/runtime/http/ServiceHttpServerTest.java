package io.datadock.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real listener on a free loopback port, called over HTTP. */
class ServiceHttpServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry registry = ServiceMetrics.registry("test-service");
  private final AtomicBoolean ready = new AtomicBoolean();
  private ServiceHttpServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theOperationsRoutesAnswerInPlainText() throws Exception {
    registry.counter("datadock_test_things").increment();
    server = start(router -> {});

    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("datadock_test_things_total")
        .contains("service=\"test-service\"");
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
  }

  @Test
  void readinessFollowsItsSupplier() throws Exception {
    server = start(router -> {});

    HttpResponse<String> notReady = get("/readyz");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).isEqualTo("not ready\n");
    ready.set(true);
    HttpResponse<String> nowReady = get("/readyz");
    assertThat(nowReady.statusCode()).isEqualTo(200);
    assertThat(nowReady.body()).isEqualTo("ready\n");
  }

  @Test
  void aServiceAddsItsRoutesAtStartAndMountsOthersLater() throws Exception {
    server =
        start(
            router ->
                router
                    .post("/internal/v1/echo")
                    .handler(
                        ctx ->
                            ctx.request()
                                .body()
                                .onSuccess(b -> Replies.json(ctx, 201, b.getBytes()))));
    server.mount(
        "/state/digest",
        ctx ->
            Replies.json(
                ctx, 200, Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> echo =
        http.send(
            HttpRequest.newBuilder(uri("/internal/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(echo.statusCode()).isEqualTo(201);
    assertThat(echo.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(echo.body()).isEqualTo("{\"a\":1}");
    HttpResponse<String> mounted = get("/state/digest");
    assertThat(mounted.statusCode()).isEqualTo(200);
    assertThat(mounted.body()).as("a mounted handler runs off the event loop").contains("worker");
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void aServerStartedBeforeItsRoutesAnswers503UntilTheyAreServed() throws Exception {
    server =
        ServiceHttpServer.startBeforeRoutes(
            "credential resolution", 0, 1, new OperationsRoutes(registry, ready::get));

    HttpResponse<String> early = get("/internal/v1/resolve");
    assertThat(early.statusCode()).isEqualTo(503);
    assertThat(early.body()).contains("credential resolution is starting; retry");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);

    server.serve(
        router ->
            router.get("/internal/v1/resolve").handler(ctx -> Replies.text(ctx, 200, "resolved")));

    assertThat(get("/internal/v1/resolve").body()).isEqualTo("resolved");
    assertThat(get("/nowhere").statusCode()).as("no longer 503 for everything").isEqualTo(404);
  }

  @Test
  void aTakenPortIsReportedAndClosingFreesThePort() throws Exception {
    server = start(router -> {});
    int port = server.port();

    assertThatThrownBy(
            () ->
                ServiceHttpServer.start(
                    "metrics", port, 1, new OperationsRoutes(registry, ready::get), r -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot listen for metrics on port " + port);

    server.close();
    server = null;
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  private ServiceHttpServer start(java.util.function.Consumer<io.vertx.ext.web.Router> routes) {
    return ServiceHttpServer.start(
        "test", 0, 1, new OperationsRoutes(registry, ready::get), routes);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
