package io.datadock.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.datadock.cli.CliException;
import io.datadock.cli.config.Profile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway's HTTP API, with the profile's bearer token; errors become {@link CliException}s.
 *
 * <p>On {@link HttpURLConnection}: a command makes one or two requests and exits, and this client
 * starts with nothing to set up (no TLS context unless the gateway is {@code https}, no selector
 * thread), which keeps the CLI's start-up short.
 */
public final class GatewayClient {

  /** How long a request may wait for its answer, unless a command says otherwise. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static {
    // HttpURLConnection would send a POST again, unasked, when a kept-alive connection turns out
    // closed: an API key issued twice. A failed request is reported instead.
    if (System.getProperty("sun.net.http.retryPost") == null) {
      System.setProperty("sun.net.http.retryPost", "false");
    }
  }

  /**
   * How long a request is sent again while the gateway answers 503 with {@code Retry-After}: a
   * gateway that has just started and not yet read every resource, which did nothing with it.
   */
  static final Duration CATCH_UP_BUDGET = Duration.ofSeconds(30);

  private final Profile profile;
  private final Duration catchUpBudget;

  public GatewayClient(Profile profile) {
    this(profile, CATCH_UP_BUDGET);
  }

  GatewayClient(Profile profile, Duration catchUpBudget) {
    this.profile = profile;
    this.catchUpBudget = catchUpBudget;
  }

  public Profile profile() {
    return profile;
  }

  public JsonNode get(String path, Query query) {
    return send("GET", path, query, null, null, REQUEST_TIMEOUT);
  }

  public JsonNode delete(String path, Query query) {
    return send("DELETE", path, query, null, null, REQUEST_TIMEOUT);
  }

  /** A PUT without a body: puts the thing the path names (a tag on a user). */
  public JsonNode put(String path, Query query) {
    return send("PUT", path, query, null, null, REQUEST_TIMEOUT);
  }

  public JsonNode post(String path, Query query, String contentType, String body) {
    return send("POST", path, query, contentType, body, REQUEST_TIMEOUT);
  }

  public JsonNode postJson(String path, Object body) {
    return postJson(path, Query.of(), body, REQUEST_TIMEOUT);
  }

  /** A JSON POST that may take longer than the usual {@link #REQUEST_TIMEOUT}. */
  public JsonNode postJson(String path, Query query, Object body, Duration timeout) {
    return send("POST", path, query, "application/json", Json.write(body), timeout);
  }

  /**
   * A GET whose body is read as it arrives, line by line (a Server-Sent Events stream). The body
   * may stay open for hours; a read that hears nothing for {@code silence} fails (an {@link
   * java.io.UncheckedIOException} from the stream), which is how a connection that died without
   * closing is noticed. The caller closes the stream.
   */
  public Stream<String> lines(
      String path, Query query, Map<String, String> headers, Duration silence) {
    HttpURLConnection connection = open("GET", path, query, silence);
    connection.setRequestProperty("Accept", "text/event-stream");
    headers.forEach(connection::setRequestProperty);
    int status = status(connection);
    if (status >= 300) {
      JsonNode body = parse(read(connection, status));
      connection.disconnect();
      throw error(status, body);
    }
    try {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
      return reader.lines().onClose(connection::disconnect);
    } catch (IOException e) {
      connection.disconnect();
      throw failed(e);
    }
  }

  /** An answer: its status, its body, and the wait it asked for ({@code Retry-After}), if any. */
  private record Answer(int status, JsonNode body, Duration retryAfter) {}

  /**
   * Sends, and sends again while the gateway answers 503 with {@code Retry-After} (it has not yet
   * read every resource since it started, and did nothing), within {@link #catchUpBudget}.
   */
  private JsonNode send(
      String method, String path, Query query, String contentType, String body, Duration timeout) {
    long giveUpAt = System.nanoTime() + catchUpBudget.toNanos();
    while (true) {
      Answer answer = sendOnce(method, path, query, contentType, body, timeout);
      boolean retry =
          answer.status() == 503
              && answer.retryAfter() != null
              && System.nanoTime() + answer.retryAfter().toNanos() < giveUpAt;
      if (!retry) {
        if (answer.status() >= 300) {
          throw error(answer.status(), answer.body());
        }
        return answer.body();
      }
      pause(answer.retryAfter());
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while the gateway was starting", e);
    }
  }

  /** {@code Retry-After} in seconds (at least 100 ms), or null when absent or not a number. */
  private static Duration retryAfter(HttpURLConnection connection) {
    String value = connection.getHeaderField("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.max(100, Long.parseLong(value.trim()) * 1000));
    } catch (NumberFormatException e) {
      return null; // an HTTP date: not sent by the gateway
    }
  }

  private Answer sendOnce(
      String method, String path, Query query, String contentType, String body, Duration timeout) {
    HttpURLConnection connection = open(method, path, query, timeout);
    connection.setRequestProperty("Accept", "application/json");
    try {
      if (body != null) {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", contentType);
        connect(connection);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw failed(e);
        }
      }
      int status = status(connection);
      return new Answer(status, parse(read(connection, status)), retryAfter(connection));
    } finally {
      connection.disconnect();
    }
  }

  private HttpURLConnection open(String method, String path, Query query, Duration readTimeout) {
    URLConnection connection;
    try {
      connection = URI.create(profile.baseUrl() + path + query).toURL().openConnection();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw invalidUrl(e);
    } catch (IOException e) {
      throw failed(e);
    }
    if (!(connection instanceof HttpURLConnection http)) {
      throw invalidUrl(null);
    }
    try {
      http.setRequestMethod(method);
    } catch (java.net.ProtocolException e) {
      throw new CliException("unsupported HTTP method " + method, e);
    }
    http.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    http.setReadTimeout((int) readTimeout.toMillis());
    http.setUseCaches(false);
    http.setRequestProperty("Authorization", "Bearer " + profile.token());
    return http;
  }

  private void connect(HttpURLConnection connection) {
    try {
      connection.connect();
    } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
      throw unreachable(e);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private int status(HttpURLConnection connection) {
    connect(connection);
    try {
      return connection.getResponseCode();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private String read(HttpURLConnection connection, int status) {
    try (InputStream in =
        status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** The gateway's error answer: {@code {"error": {"code", "message", "field"}}}. */
  private static ApiException error(int status, JsonNode body) {
    if (status == 401) {
      return new ApiException(401, "invalid, expired or revoked token: run datadock login", null);
    }
    JsonNode error = body.path("error");
    String message = error.hasNonNull("message") ? error.get("message").asText() : "HTTP " + status;
    String field = error.hasNonNull("field") ? error.get("field").asText() : null;
    return new ApiException(status, message, field);
  }

  private CliException unreachable(Exception e) {
    return new CliException(
        "cannot reach the gateway at " + profile.baseUrl() + ": is it running?", e);
  }

  private CliException failed(IOException e) {
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return unreachable(e);
    }
    return new CliException("request to " + profile.baseUrl() + " failed: " + e, e);
  }

  private CliException invalidUrl(Exception e) {
    return new CliException("invalid gateway URL '" + profile.gateway() + "'", e);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.parse(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
