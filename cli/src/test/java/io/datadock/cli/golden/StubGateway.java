package io.datadock.cli.golden;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway on loopback that answers each {@code METHOD /path} with a scripted status and body. */
public final class StubGateway implements AutoCloseable {

  /** A request as the stub saw it. */
  public record Request(String method, String uri, String body) {}

  private record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} (the path without its query) with {@code status} and JSON. */
  public StubGateway on(String method, String path, int status, String json) {
    answers.put(method + " " + path, new Answer(status, json));
    return this;
  }

  public List<Request> requests() {
    return requests;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
            new Answer(404, "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"no stub\"}}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
