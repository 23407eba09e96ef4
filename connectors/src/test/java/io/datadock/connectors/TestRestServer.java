package io.datadock.connectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A protocol fixture for REST checks: an HTTP(S) server on 127.0.0.1 answering {@code GET} of the
 * given paths with the given JSON (the vendor's documented answers) to a request carrying one of
 * the accepted {@code Authorization} values, 401 with the given body to any other, 404 to an
 * unknown path. It stores, indexes and runs nothing: it shows a check speaks the protocol.
 */
public final class TestRestServer implements AutoCloseable {

  /** One certificate for every untrusted server of a test run: key generation is slow. */
  private static final class Untrusted {
    static final SSLContext TLS =
        TestCertificates.authority("untrusted-test-ca").server().serverTls();
  }

  private final HttpServer server;

  private TestRestServer(
      HttpServer server, Map<String, String> answers, Set<String> accepted, String unauthorized) {
    this.server = server;
    server.createContext(
        "/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          String answer = answers.get(exchange.getRequestURI().getPath());
          if (authorization == null || !accepted.contains(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            respond(exchange, 401, unauthorized);
          } else if (answer == null) {
            respond(exchange, 404, "{\"error\":\"not found\"}");
          } else {
            respond(exchange, 200, answer);
          }
        });
    server.start();
  }

  /** Plain HTTP. */
  public static TestRestServer http(
      Map<String, String> answers, Set<String> accepted, String unauthorized) throws IOException {
    return new TestRestServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0),
        answers,
        accepted,
        unauthorized);
  }

  /** HTTPS with a certificate of a fresh test CA no JVM trusts. */
  public static TestRestServer untrustedHttps() throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(Untrusted.TLS));
    return new TestRestServer(server, Map.of(), Set.of(), "{}");
  }

  /** {@code Basic <base64(user:password)>}. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
