package io.datadock.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadock.cli.CliException;
import io.datadock.cli.config.Profile;
import io.datadock.cli.http.ApiException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watch against a stub gateway that answers each connection from a script. */
class ResourceWatchTest {

  /** What one connection gets: a status and a body (an event stream, or an error). */
  record Answer(int status, String body) {}

  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final List<String> heard = new ArrayList<>();
  private HttpServer server;
  private GatewayClient client;
  private ResourceWatch watch;
  private boolean silentAfterSnapshot;

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/watch", this::answer);
    server.start();
    client =
        new GatewayClient(
            new Profile("http://127.0.0.1:" + server.getAddress().getPort(), "t0ken", null));
    watch = watchTakingSilenceFor(Duration.ofSeconds(10), client);
  }

  /**
   * The silence limit is also the wait for an answer's status line, so only the test of a silent
   * stream shortens it (a busy CI machine may take longer than a few hundred ms to answer).
   */
  private static ResourceWatch watchTakingSilenceFor(Duration limit, GatewayClient client) {
    Reconnects quick = new Reconnects(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO);
    return new ResourceWatch(client, Query.of().add("type", "secret"), quick, limit);
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
    if (lastEventIds.size() == 1 && silentAfterSnapshot) {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(synced(5).getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      return; // then nothing, not even a heartbeat, and the connection stays open
    }
    Answer answer = answers.poll();
    if (answer == null) {
      answer = new Answer(503, "{\"error\": {\"message\": \"script over\"}}");
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private final ResourceWatch.Listener listener =
      new ResourceWatch.Listener() {
        @Override
        public void snapshot(List<JsonNode> resources) {
          heard.add("snapshot " + resources.stream().map(r -> r.get("name").asText()).toList());
        }

        @Override
        public void change(String type, JsonNode resource) {
          heard.add(type + " " + resource.get("name").asText());
        }
      };

  static String event(long id, String type, String name) {
    return "id: " + id + "\nevent: " + type + "\ndata: {\"name\":\"" + name + "\"}\n\n";
  }

  static String synced(long id) {
    return "id: " + id + "\nevent: synced\ndata: {\"position\":" + id + "}\n\n";
  }

  static final String DROPPED = "event: dropped\ndata: {\"reason\":\"slow\"}\n\n";

  @Test
  void afterTheStreamEndsItResumesFromTheLastEventTaken() {
    answers.add(new Answer(200, event(5, "added", "a") + synced(5) + event(6, "added", "b")));
    answers.add(new Answer(200, ": heartbeat\n\n" + event(7, "modified", "b") + DROPPED));

    assertThatThrownBy(() -> watch.run(listener, () -> false))
        .isInstanceOf(CliException.class)
        .hasMessage("the gateway dropped the watch: this client did not keep up with the changes");

    assertThat(heard).containsExactly("snapshot [a]", "added b", "modified b");
    assertThat(lastEventIds).containsExactly("null", "6");
  }

  @Test
  void aSnapshotCutShortIsTakenAgainFromTheStart() {
    answers.add(new Answer(200, event(5, "added", "a")));
    answers.add(new Answer(200, event(5, "added", "a") + event(5, "added", "b") + synced(5)));

    watch.run(listener, () -> !heard.isEmpty());

    assertThat(heard).containsExactly("snapshot [a, b]");
    assertThat(lastEventIds).containsExactly("null", "null");
  }

  @Test
  void aPositionTheGatewayNoLongerHasBringsANewSnapshot() {
    answers.add(new Answer(200, event(5, "added", "a") + synced(5)));
    answers.add(
        new Answer(
            200,
            "event: reset\ndata: {\"reason\":\"gone\"}\n\n"
                + event(90, "added", "c")
                + synced(90)
                + event(91, "deleted", "c")));

    watch.run(listener, () -> heard.size() == 3);

    assertThat(heard).containsExactly("snapshot [a]", "snapshot [c]", "deleted c");
    assertThat(lastEventIds).containsExactly("null", "5");
  }

  @Test
  void aRevokedTokenEndsTheWatchEvenAfterItStarted() {
    answers.add(new Answer(200, synced(5)));
    answers.add(new Answer(401, "{\"error\": {\"message\": \"unauthenticated\"}}"));

    assertThatThrownBy(() -> watch.run(listener, () -> false))
        .isInstanceOf(ApiException.class)
        .hasMessage("invalid, expired or revoked token: run datadock login");
    assertThat(heard).containsExactly("snapshot []");
  }

  @Test
  void aFirstConnectionRefusedIsAnErrorAtOnce() {
    answers.add(new Answer(404, "{\"error\": {\"message\": \"tenant 'x' not found\"}}"));

    assertThatThrownBy(() -> watch.run(listener, () -> false))
        .isInstanceOf(ApiException.class)
        .hasMessage("tenant 'x' not found");
  }

  @Test
  void aGatewayUnavailableForTooLongEndsTheWatch() {
    answers.add(new Answer(200, synced(5)));

    assertThatThrownBy(() -> watch.run(listener, () -> false))
        .isInstanceOf(CliException.class)
        .hasMessage("lost the watch: script over");
    assertThat(lastEventIds).startsWith("null", "5", "5");
  }

  @Test
  void aStreamSilentForLongerThanTheLimitIsReplaced() {
    silentAfterSnapshot = true;
    watch = watchTakingSilenceFor(Duration.ofSeconds(1), client);
    answers.add(new Answer(200, event(6, "added", "b") + DROPPED));

    assertThatThrownBy(() -> watch.run(listener, () -> false)).hasMessageContaining("dropped");

    assertThat(heard).containsExactly("snapshot []", "added b");
    assertThat(lastEventIds).containsExactly("null", "5");
  }
}
