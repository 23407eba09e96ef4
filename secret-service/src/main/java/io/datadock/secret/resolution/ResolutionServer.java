package io.datadock.secret.resolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datadock.core.crypto.SealingException;
import io.datadock.core.identity.Principal;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.common.SealedPayload;
import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.internal.InternalHttp;
import io.datadock.secret.topology.SecretTopology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credential resolution, the only way plaintext leaves secret-service: {@code POST
 * /internal/v1/resolve} with {@code {"secret": "<resource key>", "purpose": "rw|scan|query"}},
 * answered {@code {"secret", "purpose", "fields": {name: value}, "files": {name: base64}}}
 * (optionally {@code "depot": "<depot key>"}: then only for a depot the secret granted) and a
 * bearer token of a known caller. Answered from the instance that owns the secret's partition
 * (Kafka Streams interactive queries; another instance forwards once). Every answer, allowed or
 * refused, is audited on {@code secret.access} first; without the audit there is no answer.
 */
public final class ResolutionServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResolutionServer.class);
  private static final String PATH = "/internal/v1/resolve";
  private static final String FORWARDED = "X-Datadock-Forwarded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final Map<String, String> callers;
  private final AccessAuditor auditor;
  private final BiFunction<SealedPayload, byte[], byte[]> opener;
  private final HttpClient forwarder =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HttpServer server;
  private final IdentityDirectory directory;
  private final java.util.concurrent.ExecutorService workers;

  /**
   * @param callers bearer token → caller identity ({@code service:<name>} or {@code user:<id>})
   */
  public ResolutionServer(
      Supplier<KafkaStreams> streams,
      HostInfo self,
      Map<String, String> callers,
      AccessAuditor auditor,
      BiFunction<SealedPayload, byte[], byte[]> opener,
      IdentityDirectory directory)
      throws IOException {
    this.directory = directory;
    this.streams = streams;
    this.self = self;
    this.callers = Map.copyOf(callers);
    this.auditor = auditor;
    this.opener = opener;
    this.server = HttpServer.create(new InetSocketAddress(self.port()), 64);
    server.createContext(PATH, this::handle);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "secret-resolution-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
  }

  /** Serves another internal endpoint on the same listener (key administration). */
  public void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  public ResolutionServer start() {
    server.start();
    LOG.info("credential resolution listening on {}:{}", self.host(), self.port());
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    // Not try-with-resources: its resource is closed before a catch block could still answer.
    try {
      resolve(exchange);
    } catch (AccessAuditor.AuditUnavailableException e) {
      InternalHttp.reply(exchange, 503, InternalHttp.error("unavailable", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("resolution failed", e);
      InternalHttp.reply(
          exchange,
          500,
          InternalHttp.error("internal", "resolution failed; see the secret-service log"));
    } finally {
      exchange.close();
    }
  }

  private void resolve(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      InternalHttp.reply(exchange, 405, InternalHttp.error("method_not_allowed", "use POST"));
      return;
    }
    byte[] raw = exchange.getRequestBody().readNBytes(64 * 1024);
    JsonNode body = parse(raw);
    String key = body == null ? null : text(body, "secret");
    String purposeText = body == null ? null : text(body, "purpose");
    if (key == null || purposeText == null) {
      InternalHttp.reply(
          exchange,
          400,
          InternalHttp.error(
              "malformed",
              "body must be {\"secret\": \"<resource key>\", \"purpose\": \"rw|scan|query\"}"));
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String caller = InternalHttp.caller(callers, authorization);
    Principal user = null;
    if (caller == null && authorization != null && authorization.length() > 7) {
      user = directory.verify(authorization.substring(7).trim()).orElse(null);
      caller = user == null ? null : "user:" + user.id();
    }
    if (caller == null) {
      auditor.record(
          key,
          "anonymous",
          purposeText,
          AccessOutcome.UNAUTHENTICATED,
          "no or unknown token",
          List.of());
      InternalHttp.reply(
          exchange,
          401,
          InternalHttp.error("unauthenticated", "a service or read-secret token is required"));
      return;
    }
    Optional<Purpose> purpose = Purpose.parse(purposeText);
    if (purpose.isEmpty()) {
      auditor.record(key, caller, purposeText, AccessOutcome.DENIED, "unknown purpose", List.of());
      InternalHttp.reply(
          exchange,
          400,
          InternalHttp.error(
              "malformed",
              "unknown purpose '" + purposeText + "', expected rw, scan, query or unsanitize"));
      return;
    }
    if (user != null) {
      String refusal = refusal(user, key, purpose.get());
      if (refusal != null) {
        auditor.record(key, caller, purposeText, AccessOutcome.DENIED, refusal, List.of());
        InternalHttp.reply(exchange, 403, InternalHttp.error("forbidden", refusal));
        return;
      }
    }
    if (purpose.get() == Purpose.UNSANITIZE && !caller.startsWith("user:")) {
      auditor.record(
          key, caller, purposeText, AccessOutcome.DENIED, "only users may unsanitize", List.of());
      InternalHttp.reply(
          exchange,
          403,
          InternalHttp.error(
              "forbidden", "only users holding unsanitize-resource may read values"));
      return;
    }
    KeyQueryMetadata owner =
        streams
            .get()
            .queryMetadataForKey(SecretTopology.SECRETS_STORE, key, Serdes.String().serializer());
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      InternalHttp.reply(
          exchange,
          503,
          InternalHttp.error(
              "unavailable", "the secret's partition has no active owner yet; retry"));
      return;
    }
    if (!owner.activeHost().equals(self)) {
      forward(exchange, owner.activeHost(), raw);
      return;
    }
    String depot = text(body, "depot");
    answerLocally(
        exchange, key, depot == null ? caller : caller + " for " + depot, depot, purpose.get());
  }

  /**
   * Why a user (an API key, not a service) may not resolve this secret, or null: the user must be a
   * member of the secret's tenant and hold read-secret (or unsanitize-resource to unsanitize).
   */
  static String refusal(Principal user, String key, Purpose purpose) {
    String tenant = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
    if (!user.memberOf(tenant)) {
      return "forbidden: user is not a member of tenant '" + tenant + "'";
    }
    if (purpose == Purpose.UNSANITIZE) {
      return user.may(Principal.UNSANITIZE)
          ? null
          : "forbidden: user does not have use-case unsanitize-resource";
    }
    return user.may(Principal.READ_SECRET)
        ? null
        : "forbidden: user does not have use-case read-secret";
  }

  private void answerLocally(
      HttpExchange exchange, String key, String caller, String depot, Purpose purpose)
      throws IOException {
    ReadOnlyKeyValueStore<String, SecretState> store =
        streams
            .get()
            .store(
                StoreQueryParameters.fromNameAndType(
                    SecretTopology.SECRETS_STORE,
                    QueryableStoreTypes.<String, SecretState>keyValueStore()));
    Resolution.Answer answer;
    try {
      answer = Resolution.decide(key, store.get(key), purpose, depot, opener);
    } catch (SealingException e) {
      answer =
          new Resolution.Answer(
              AccessOutcome.DENIED, "the stored secret cannot be opened", Map.of());
    }
    auditor.record(
        key, caller, purpose.wire(), answer.outcome(), answer.reason(), answer.handedOut());
    switch (answer.outcome()) {
      case ALLOWED -> {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secret", key);
        out.put("purpose", purpose.wire());
        out.put("fields", answer.fields());
        out.put("files", answer.files());
        InternalHttp.reply(exchange, 200, out);
      }
      case NOT_FOUND ->
          InternalHttp.reply(exchange, 404, InternalHttp.error("not_found", answer.reason()));
      default ->
          InternalHttp.reply(exchange, 403, InternalHttp.error("forbidden", answer.reason()));
    }
  }

  private void forward(HttpExchange exchange, HostInfo owner, byte[] body) throws IOException {
    if (exchange.getRequestHeaders().getFirst(FORWARDED) != null) {
      InternalHttp.reply(
          exchange,
          503,
          InternalHttp.error(
              "unavailable", "the secret's owner moved while the request was forwarded; retry"));
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + PATH))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
            .header(FORWARDED, self.host() + ":" + self.port())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = forwarder.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      // The owner is down (killed, not yet timed out of the group): the caller retries, and
      // meets the new owner once the group has moved the partition.
      InternalHttp.reply(
          exchange,
          503,
          InternalHttp.error(
              "unavailable", "the instance owning the secret's partition does not answer; retry"));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InternalHttp.reply(
          exchange,
          503,
          InternalHttp.error("unavailable", "forwarding to the owner was interrupted"));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.statusCode(), response.body().length);
    exchange.getResponseBody().write(response.body());
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
