package io.datadock.runtime.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveError;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.resolution.CredentialResolutionClient.ResolutionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** secret-service played by the JDK's HTTP server on loopback, answering statuses in turn. */
class CredentialResolutionRetryTest {

  private static final byte[] MOVING =
      ResolutionWire.write(
          new ResolveError(
              "unavailable", "the secret's partition is moving between instances; retry"));
  private static final byte[] ANSWER =
      ResolutionWire.write(
          new ResolveAnswer("t/secret/x", "rw", Map.of("password", "p w"), Map.of()));

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aPartitionMovingBetweenInstancesIsWaitedOut() throws IOException {
    String url = secretService(List.of(503, 503, 200));

    Map<String, String> fields =
        new CredentialResolutionClient(url, "token", Duration.ofSeconds(10))
            .resolve("t/secret/x", "rw", "t/depot/d");

    assertThat(fields).containsEntry("password", "p w");
    assertThat(requests).hasValue(3);
  }

  @Test
  void anUnavailableSecretServiceFailsAtTheTimeoutSayingWhy() throws IOException {
    String url = secretService(List.of(503));
    CredentialResolutionClient client =
        new CredentialResolutionClient(url, "token", Duration.ofMillis(800));

    long started = System.nanoTime();
    assertThatThrownBy(() -> client.resolve("t/secret/x", "rw", "t/depot/d"))
        .isInstanceOf(ResolutionException.class)
        .hasMessage(
            "secret-service refused (503): the secret's partition is moving between instances;"
                + " retry");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(requests.get()).isGreaterThan(1);
  }

  @Test
  void aRefusalIsFinal() throws IOException {
    String url = secretService(List.of(403, 200));

    assertThatThrownBy(
            () ->
                new CredentialResolutionClient(url, "token", Duration.ofSeconds(10))
                    .resolve("t/secret/x", "rw", "t/depot/d"))
        .isInstanceOf(ResolutionException.class)
        .hasMessageStartingWith("secret-service refused (403)");
    assertThat(requests).hasValue(1);
  }

  @Test
  void anInstanceThatDropsConnectionsOrIsNotListeningYetIsRetriedUntilItAnswers() throws Exception {
    int port = FreePorts.pick();
    AtomicInteger dropped = new AtomicInteger();
    ServerSocket starting = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    Thread restart =
        new Thread(
            () -> {
              try (starting) {
                // a process going down: it takes two requests and answers neither
                while (dropped.get() < 2) {
                  starting.accept().close();
                  dropped.incrementAndGet();
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              try {
                // then nothing listens for a moment (refused), then the new process answers
                listen(port, List.of(200));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    restart.start();

    Map<String, String> fields =
        new CredentialResolutionClient("http://127.0.0.1:" + port, "token", Duration.ofSeconds(10))
            .resolve("t/secret/x", "rw", "t/depot/d");

    restart.join();
    assertThat(fields).containsEntry("password", "p w");
    assertThat(dropped).hasValue(2);
  }

  private String secretService(List<Integer> statuses) throws IOException {
    int port = FreePorts.pick();
    listen(port, statuses);
    return "http://127.0.0.1:" + port;
  }

  /** Answers the statuses in turn, the last one for ever after. */
  private void listen(int port, List<Integer> statuses) throws IOException {
    Deque<Integer> next = new ArrayDeque<>(statuses);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        ResolutionWire.PATH,
        exchange -> {
          requests.incrementAndGet();
          int status = next.size() > 1 ? next.poll() : next.peek();
          byte[] body = status == 200 ? ANSWER : status == 503 ? MOVING : error(status);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  private static byte[] error(int status) {
    return ResolutionWire.write(new ResolveError("forbidden", "not for this depot"));
  }
}
