package io.datadock.connectors.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.datadock.connectors.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A protocol fixture, not a search engine: an HTTP server on 127.0.0.1 that answers {@code GET
 * /_cluster/health}, {@code GET /_cat/indices?format=json} and {@code GET /_mapping} with the JSON
 * Elasticsearch's reference documents for them, to a request with the one accepted login (basic
 * {@code elastic} or an API key), and 401 with Elasticsearch's error body to any other. Nothing is
 * indexed or searched: it shows the check speaks the protocol, not that a cluster works.
 */
final class TestSearchServer implements AutoCloseable {

  static final String USER = "elastic";
  static final String API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

  private static final String HEALTH =
      """
      {"cluster_name":"testcluster","status":"yellow","timed_out":false,"number_of_nodes":1,
       "number_of_data_nodes":1,"active_primary_shards":1,"active_shards":1,"relocating_shards":0,
       "initializing_shards":0,"unassigned_shards":1,"delayed_unassigned_shards":0,
       "number_of_pending_tasks":0,"number_of_in_flight_fetch":0,
       "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}""";
  private static final String INDICES =
      """
      [{"index":"my-index-000001","health":"yellow","status":"open","docs.count":"1200"},
       {"index":"logs-2026.12","health":"green","status":"open","docs.count":"5"},
       {"index":".security-7","health":"green","status":"open","docs.count":"3"}]""";
  private static final String MAPPINGS =
      """
      {"my-index-000001":{"mappings":{"properties":{"age":{"type":"integer"},
        "email":{"type":"keyword"},"name":{"type":"text"},
        "address":{"properties":{"city":{"type":"keyword"},"zip":{"type":"keyword"}}},
        "tags":{"type":"nested","properties":{"label":{"type":"keyword"}}}}}},
       "logs-2026.12":{"mappings":{"properties":{"@timestamp":{"type":"date"},
        "message":{"type":"text"}}}},
       ".security-7":{"mappings":{"properties":{"username":{"type":"keyword"}}}}}""";
  private static final String UNAUTHORIZED =
      """
      {"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user \
      [elastic] for REST request [/_cluster/health]"}],"type":"security_exception","reason":"unable \
      to authenticate user [elastic] for REST request [/_cluster/health]"},"status":401}""";

  private final HttpServer server;

  private TestSearchServer(HttpServer server, String password) {
    this.server = server;
    Set<String> accepted =
        Set.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)),
            "ApiKey " + API_KEY);
    Map<String, String> answers =
        Map.of(
            "/_cluster/health", HEALTH,
            "/_cat/indices", INDICES,
            "/_mapping", MAPPINGS);
    server.createContext(
        "/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          String answer = answers.get(exchange.getRequestURI().getPath());
          if (authorization == null || !accepted.contains(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            respond(exchange, 401, UNAUTHORIZED);
          } else if (answer == null) {
            respond(exchange, 404, "{\"error\":\"no handler\",\"status\":404}");
          } else {
            respond(exchange, 200, answer);
          }
        });
    server.start();
  }

  /** Plain HTTP, accepting {@code elastic:password} and {@link #API_KEY}. */
  static TestSearchServer http(String password) throws IOException {
    return new TestSearchServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), password);
  }

  /** HTTPS with a certificate of a test CA no JVM trusts. */
  static TestSearchServer https(String password) throws Exception {
    SSLContext tls = TestCertificates.authority("search-test-ca").server().serverTls();
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new TestSearchServer(server, password);
  }

  int port() {
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
