package io.datadock.faults.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload's clients behind two gateways, one of them gone: a request the first does not answer
 * goes to the other, and only a request no attempt got answered is an error.
 */
class WorkloadFailoverTest {

  @TempDir Path files;

  private HttpServer gateway;
  private HttpServer other;

  @AfterEach
  void stop() {
    for (HttpServer server : new HttpServer[] {gateway, other}) {
      if (server != null) {
        server.stop(0);
      }
    }
  }

  @Test
  void aRequestTheFirstGatewayDoesNotTakeIsSentToTheOtherOnce() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    gateway = gateway(answered, 200);
    HistoryRecorder history = oneClient(List.of(deadGateway(), url(gateway)), answered, 10);

    List<Operation> ops = history.operations();
    List<Operation> refused = ops.stream().filter(o -> o.outcome() == Outcome.UNKNOWN).toList();
    // client 0 starts on the dead gateway, is refused once, then stays on the live one
    assertThat(refused).hasSize(1);
    Operation retry = ops.get(ops.indexOf(refused.get(0)) + 1);
    assertThat(retry.key()).isEqualTo(refused.get(0).key());
    assertThat(retry.type()).isEqualTo(refused.get(0).type());
    assertThat(retry.outcome()).isNotEqualTo(Outcome.UNKNOWN);
    assertThat(history.answeredOnRetry()).containsExactly(refused.get(0).id());
    assertThat(history.unknownCauses()).containsValue("ConnectException");
  }

  @Test
  void aRequestNeitherGatewayAnswersStaysAnError() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    gateway = gateway(answered, 503);
    HistoryRecorder history = oneClient(List.of(deadGateway(), url(gateway)), answered, 3);

    List<Operation> ops = history.operations();
    assertThat(ops).allMatch(o -> o.outcome() == Outcome.UNKNOWN);
    assertThat(history.answeredOnRetry()).isEmpty();
    // each request is tried Workload.ATTEMPTS times, then given up
    assertThat(ops.get(1).key()).isEqualTo(ops.get(0).key());
    assertThat(ops.get(2).key()).isEqualTo(ops.get(0).key());
    assertThat(history.unknownCauses()).containsValues("ConnectException", "503");
  }

  @Test
  void aRequestAGatewayTimedOutOnIsSentToTheOther() throws Exception {
    AtomicInteger timedOut = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    gateway = gateway(timedOut, 504);
    other = gateway(answered, 200);
    HistoryRecorder history = oneClient(List.of(url(gateway), url(other)), answered, 3);

    List<Operation> ops = history.operations();
    assertThat(timedOut.get()).isEqualTo(1);
    assertThat(ops.get(0).outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(ops.get(1).key()).isEqualTo(ops.get(0).key());
    assertThat(ops.get(1).outcome()).isNotEqualTo(Outcome.UNKNOWN);
    assertThat(history.answeredOnRetry()).containsExactly(ops.get(0).id());
    assertThat(history.unknownCauses()).containsValue("504");
  }

  /**
   * One workload client on {@code gateways}, until {@code answered} has counted {@code atLeast}.
   */
  private HistoryRecorder oneClient(List<String> gateways, AtomicInteger answered, int atLeast) {
    HistoryRecorder history = new HistoryRecorder();
    try (Workload workload = new Workload(gateways, "token", files, history, 5, 5, 1).start(1)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> answered.get() >= atLeast);
    }
    return history;
  }

  /** A gateway answering every request with {@code status}, counting them. */
  private static HttpServer gateway(AtomicInteger answered, int status) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          answer(exchange, status);
          answered.incrementAndGet();
        });
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String body =
        switch (exchange.getRequestMethod()) {
          case "POST" -> "{\"results\":[{\"outcome\":\"updated\",\"resourceVersion\":\"7\"}]}";
          case "DELETE" -> "{\"resourceVersion\":\"8\"}";
          default -> "{\"resourceVersion\":\"7\"}";
        };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The address of a gateway that is gone: a loopback port nothing listens on any more. */
  private static String deadGateway() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
