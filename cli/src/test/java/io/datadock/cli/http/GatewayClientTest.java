package io.datadock.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadock.cli.config.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP on loopback: a gateway still reading its resources after a start answers 503 with
 * Retry-After and did nothing, so the client sends the request again; any other error is the
 * answer.
 */
class GatewayClientTest {

  private static final String CATCHING_UP =
      "{\"error\": {\"code\": \"unavailable\", \"message\": \"this gateway has not yet read every"
          + " resource since it started; retry shortly\"}}";

  private record Scripted(int status, String retryAfter, String body) {}

  private final Deque<Scripted> script = new ArrayDeque<>();
  private final AtomicInteger received = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    received.incrementAndGet();
    Scripted next = script.size() > 1 ? script.poll() : script.peek();
    if (next.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
    }
    byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(next.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private GatewayClient client(Duration budget) {
    return new GatewayClient(
        new Profile("http://127.0.0.1:" + server.getAddress().getPort(), "t", null), budget);
  }

  @Test
  void aGatewayCatchingUpIsAskedAgainUntilItAnswers() {
    script.add(new Scripted(503, "0", CATCHING_UP));
    script.add(new Scripted(503, "0", CATCHING_UP));
    script.add(new Scripted(200, null, "{\"results\": [{\"outcome\": \"created\"}]}"));

    var answer =
        client(Duration.ofSeconds(10))
            .post("/api/v1/resources", Query.of(), "application/yaml", "x");

    assertThat(answer.path("results").get(0).path("outcome").asText()).isEqualTo("created");
    assertThat(received).hasValue(3);
  }

  @Test
  void aGatewayStillCatchingUpWhenTheBudgetIsSpentIsTheAnswer() {
    script.add(new Scripted(503, "0", CATCHING_UP));

    assertThatThrownBy(() -> client(Duration.ofMillis(350)).get("/api/v1/resources", Query.of()))
        .hasMessageContaining("has not yet read every resource");
    assertThat(received.get()).isBetween(2, 5);
  }

  @Test
  void a503WithoutRetryAfterIsTheAnswerAtOnce() {
    script.add(
        new Scripted(
            503, null, "{\"error\": {\"code\": \"unavailable\", \"message\": \"no instance\"}}"));

    assertThatThrownBy(() -> client(Duration.ofSeconds(10)).get("/api/v1/x", Query.of()))
        .hasMessageContaining("no instance");
    assertThat(received).hasValue(1);
  }
}
