package io.datadock.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadock.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datadock admin replay} against a stub of the gateway's replay endpoint. */
class AdminReplayCommandTest {

  private static final String EQUAL =
      """
      {"replayId": "r-42", "service": "depot", "instances": ["depot-1", "depot-2"],
       "before": {"entries": 12, "sha256": "ab12cd"}, "after": {"entries": 12, "sha256": "ab12cd"},
       "equal": true, "tookMs": 1834}
      """;

  private static final String DIFFERENT =
      """
      {"replayId": "r-43", "service": "depot", "instances": ["depot-1", "depot-2"],
       "before": {"entries": 12, "sha256": "ab12cd"}, "after": {"entries": 11, "sha256": "ef34ab"},
       "equal": false, "tookMs": 2001}
      """;

  @TempDir Path dir;
  private HttpServer server;
  private int status = 200;
  private String answer = EQUAL;
  private String method;
  private String query;
  private String body;
  private String authorization;

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/admin/replay", this::answer);
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    method = exchange.getRequestMethod();
    query = exchange.getRequestURI().getRawQuery();
    body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    authorization = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Main.Result replay(String... args) {
    Map<String, String> env =
        Map.of(
            "DATADOCK_GATEWAY",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "DATADOCK_TOKEN",
            "admin-t0ken");
    String[] line = new String[args.length + 2];
    line[0] = "admin";
    line[1] = "replay";
    System.arraycopy(args, 0, line, 2, args.length);
    return Main.capture(dir.resolve("config.yaml"), env, line);
  }

  private static List<String> lines(String text) {
    return text.lines().map(l -> l.replaceFirst("\\[\\d{4}\\]", "[0000]")).toList();
  }

  @Test
  void anEqualStateIsReportedAndExitsZero() throws Exception {
    Main.Result result = replay("--service", "depot");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).as("log lines go to stderr").isEmpty();
    assertThat(lines(result.err()))
        .containsExactly(
            "INFO[0000] 🔁 replay depot-service...",
            "INFO[0000] state before: 12 entries, sha256 ab12cd",
            "INFO[0000] state after:  12 entries, sha256 ab12cd",
            "INFO[0000] 🔁 replay depot-service...done, state equal");
    assertThat(method).isEqualTo("POST");
    assertThat(query).isNull();
    assertThat(new ObjectMapper().readTree(body).get("service").asText()).isEqualTo("depot");
    assertThat(authorization).isEqualTo("Bearer admin-t0ken");
  }

  @Test
  void aDifferentStateIsAnErrorAndExitsOne() {
    answer = DIFFERENT;

    Main.Result result = replay("--service", "depot", "--timeout", "120");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(query).isEqualTo("timeoutSeconds=120");
    assertThat(lines(result.err()))
        .containsExactly(
            "INFO[0000] 🔁 replay depot-service...",
            "INFO[0000] state before: 12 entries, sha256 ab12cd",
            "INFO[0000] state after:  11 entries, sha256 ef34ab",
            "ERROR: 🔁 replay depot-service...done, state differs"
                + " (replay r-43 on depot-1, depot-2)");
  }

  @Test
  void aReplayAlreadyRunningIsTheGatewaysErrorAndExitsOne() {
    status = 409;
    answer = "{\"error\": {\"code\": \"CONFLICT\", \"message\": \"a replay of depot is running\"}}";

    Main.Result result = replay("--service", "depot");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(lines(result.err()))
        .containsExactly(
            "INFO[0000] 🔁 replay depot-service...", "ERROR: a replay of depot is running");
  }

  @Test
  void instancesThatDoNotAnswerInTimeSuggestALongerTimeout() {
    status = 504;
    answer = "{\"error\": {\"message\": \"instances did not answer within 5 s\"}}";

    Main.Result result = replay("--service", "scanner", "--timeout", "5");

    assertThat(lines(result.err()))
        .containsExactly(
            "INFO[0000] 🔁 replay catalog-scanner...",
            "ERROR: instances did not answer within 5 s (a longer --timeout may help)");
  }

  @Test
  void jsonPrintsTheGatewaysAnswerOnly() throws Exception {
    Main.Result result = replay("--service", "secret", "-o", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(new ObjectMapper().readTree(result.out()))
        .isEqualTo(new ObjectMapper().readTree(EQUAL));
  }

  @Test
  void jsonOfADifferentStateStillExitsOneWithTheErrorOnStderr() throws Exception {
    answer = DIFFERENT;

    Main.Result result = replay("--service", "depot", "-o", "json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(result.out()).get("replayId").asText())
        .isEqualTo("r-43");
    assertThat(result.err()).contains("state differs");
  }

  @Test
  void helpHasAnExample() {
    Main.Result help = replay("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Example:").contains("datadock admin replay --service depot");
  }
}
