package io.datadock.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A protocol fixture for Google's APIs on 127.0.0.1: an OAuth token endpoint ({@code POST /token})
 * that really verifies the JWT bearer grant (RS256 signature against the public key registered for
 * the {@code iss}, {@code aud} this endpoint, not expired) and refuses otherwise with Google's
 * {@code invalid_grant}; and the Cloud Storage JSON API's {@code buckets.get}, {@code objects.list}
 * (pages of at most {@link #PAGE_CAP} objects) and ranged {@code alt=media} reads over objects held
 * in memory, and the BigQuery API's datasets and tables ({@link TestBigQueryApi}), answering only
 * tokens it granted. It shows the connector speaks the protocols; it is not Google.
 */
public final class TestGoogleServer implements AutoCloseable {

  /** objects.list answers at most this many objects a page, whatever maxResults asks. */
  public static final int PAGE_CAP = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, PublicKey> accounts = new ConcurrentHashMap<>();
  private final Set<String> granted = ConcurrentHashMap.newKeySet();
  private final Map<String, TreeMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private volatile boolean storageRefusesTokens;
  private final TestBigQueryApi bigQuery = new TestBigQueryApi(PAGE_CAP);

  private TestGoogleServer(HttpServer server) {
    this.server = server;
    server.createContext("/token", this::token);
    server.createContext("/storage/v1/b/", this::storage);
    server.createContext(
        "/bigquery/v2/projects/",
        exchange -> {
          if (refusesToken(exchange)) {
            respond(exchange, 401, error(401, "Request had invalid authentication credentials."));
          } else {
            Map.Entry<Integer, String> answer = bigQuery.answer(exchange.getRequestURI());
            respond(exchange, answer.getKey(), answer.getValue());
          }
        });
    server.start();
  }

  public static TestGoogleServer start() throws IOException {
    return new TestGoogleServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  public String tokenUri() {
    return endpoint() + "/token";
  }

  /** Grants tokens to JWTs of {@code account} signed by its key. */
  public TestGoogleServer trust(TestServiceAccount account) {
    accounts.put(account.email(), account.publicKey());
    return this;
  }

  public TestGoogleServer put(String bucket, String name, byte[] content) {
    buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(name, content);
    return this;
  }

  /** A bucket that exists and answers 403 to everyone. */
  public TestGoogleServer forbid(String bucket) {
    buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
    forbidden.add(bucket);
    return this;
  }

  /** The BigQuery API's projects, datasets and tables. */
  public TestBigQueryApi bigQuery() {
    return bigQuery;
  }

  /** Whether the storage and BigQuery APIs answer 401 to every token (as to a revoked one). */
  public void refuseTokensAtStorage(boolean refuse) {
    storageRefusesTokens = refuse;
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!"POST".equals(exchange.getRequestMethod())
        || !"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      respond(
          exchange,
          400,
          "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
      return;
    }
    String refusal = refusal(form.getOrDefault("assertion", ""));
    if (refusal != null) {
      respond(
          exchange,
          400,
          JSON.writeValueAsString(Map.of("error", "invalid_grant", "error_description", refusal)));
      return;
    }
    String token = "ya29.test-" + UUID.randomUUID();
    granted.add(token);
    respond(
        exchange,
        200,
        JSON.writeValueAsString(
            Map.of("access_token", token, "expires_in", 3599, "token_type", "Bearer")));
  }

  /** Why the JWT is refused, null when it is a valid grant. */
  private String refusal(String assertion) {
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe";
    }
    try {
      Base64.Decoder url = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(url.decode(parts[0]));
      JsonNode claims = JSON.readTree(url.decode(parts[1]));
      if (!"RS256".equals(header.path("alg").asText())) {
        return "Invalid JWT: unsupported algorithm";
      }
      PublicKey key = accounts.get(claims.path("iss").asText());
      if (key == null) {
        return "Invalid grant: account not found";
      }
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(url.decode(parts[2]))) {
        return "Invalid JWT Signature.";
      }
      long now = Instant.now().getEpochSecond();
      if (!tokenUri().equals(claims.path("aud").asText())
          || claims.path("exp").asLong() < now
          || claims.path("iat").asLong() > now + 60
          || claims.path("scope").asText().isBlank()) {
        return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe";
      }
      return null;
    } catch (Exception e) {
      return "Invalid JWT Signature.";
    }
  }

  private void storage(HttpExchange exchange) throws IOException {
    if (refusesToken(exchange)) {
      respond(exchange, 401, error(401, "Invalid Credentials"));
      return;
    }
    String[] path =
        exchange.getRequestURI().getRawPath().substring("/storage/v1/b/".length()).split("/", -1);
    String bucket = decode(path[0]);
    TreeMap<String, byte[]> objects = buckets.get(bucket);
    if (objects == null) {
      respond(exchange, 404, error(404, "The specified bucket does not exist."));
    } else if (forbidden.contains(bucket)) {
      respond(exchange, 403, error(403, "does not have storage.objects.list access"));
    } else if (path.length == 1) {
      respond(
          exchange,
          200,
          JSON.writeValueAsString(
              Map.of("kind", "storage#bucket", "id", bucket, "name", bucket, "location", "US")));
    } else if (path.length == 2 && path[1].equals("o")) {
      list(exchange, objects);
    } else if (path.length == 3 && path[1].equals("o")) {
      media(exchange, objects.get(decode(path[2])));
    } else {
      respond(exchange, 404, error(404, "Not Found"));
    }
  }

  private boolean refusesToken(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    return storageRefusesTokens
        || authorization == null
        || !authorization.startsWith("Bearer ")
        || !granted.contains(authorization.substring(7));
  }

  private void list(HttpExchange exchange, TreeMap<String, byte[]> objects) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String prefix = query.getOrDefault("prefix", "");
    int max = Math.min(PAGE_CAP, Integer.parseInt(query.getOrDefault("maxResults", "1000")));
    String after = query.get("pageToken");
    var items = new java.util.ArrayList<Map<String, String>>();
    String next = null;
    for (var entry : (after == null ? objects : objects.tailMap(after, false)).entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        continue;
      }
      if (items.size() == max) {
        next = items.get(items.size() - 1).get("name");
        break;
      }
      items.add(Map.of("name", entry.getKey(), "size", String.valueOf(entry.getValue().length)));
    }
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "storage#objects");
    if (!items.isEmpty()) {
      body.put("items", items);
    }
    if (next != null) {
      body.put("nextPageToken", next);
    }
    respond(exchange, 200, JSON.writeValueAsString(body));
  }

  private void media(HttpExchange exchange, byte[] content) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    if (content == null) {
      respond(exchange, 404, error(404, "No such object"));
      return;
    }
    if (!"media".equals(query.get("alt"))) {
      respond(exchange, 200, "{\"kind\":\"storage#object\"}");
      return;
    }
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range == null) {
      respondBytes(exchange, 200, content);
      return;
    }
    String[] bounds = range.substring("bytes=".length()).split("-");
    int from = Integer.parseInt(bounds[0]);
    int to = Math.min(content.length - 1, Integer.parseInt(bounds[1]));
    if (from >= content.length) {
      respondBytes(exchange, 416, new byte[0]);
      return;
    }
    exchange
        .getResponseHeaders()
        .add("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
    respondBytes(exchange, 206, Arrays.copyOfRange(content, from, to + 1));
  }

  static String error(int code, String message) throws IOException {
    return JSON.writeValueAsString(Map.of("error", Map.of("code", code, "message", message)));
  }

  private static Map<String, String> form(String text) {
    Map<String, String> values = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    respondBytes(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void respondBytes(HttpExchange exchange, int status, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
