package io.datadock.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.datadock.cli.CliException;
import io.datadock.cli.config.Profile;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The gateway's HTTP API, with the profile's bearer token; errors become {@link CliException}s. */
public final class GatewayClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a request may take, answer included, unless a command says otherwise. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final Profile profile;
  private final HttpClient http;

  public GatewayClient(Profile profile) {
    this.profile = profile;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public Profile profile() {
    return profile;
  }

  public JsonNode get(String path, Query query) {
    return send(request(path, query).GET());
  }

  public JsonNode delete(String path, Query query) {
    return send(request(path, query).DELETE());
  }

  public JsonNode post(String path, Query query, String contentType, String body) {
    return post(path, query, contentType, body, REQUEST_TIMEOUT);
  }

  public JsonNode postJson(String path, Object body) {
    return postJson(path, Query.of(), body, REQUEST_TIMEOUT);
  }

  /** A JSON POST that may take longer than the usual {@link #REQUEST_TIMEOUT}. */
  public JsonNode postJson(String path, Query query, Object body, Duration timeout) {
    try {
      return post(path, query, "application/json", JSON.writeValueAsString(body), timeout);
    } catch (IOException e) {
      throw new CliException("cannot encode the request: " + e.getMessage(), e);
    }
  }

  private JsonNode post(
      String path, Query query, String contentType, String body, Duration timeout) {
    return send(
        request(path, query)
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /**
   * A GET whose body is read as it arrives, line by line (a Server-Sent Events stream). There is no
   * request timeout: the body may stay open for hours. The caller closes the stream.
   */
  public Stream<String> lines(String path, Query query, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path, query))
            .header("Authorization", "Bearer " + profile.token())
            .header("Accept", "text/event-stream");
    headers.forEach(builder::header);
    HttpResponse<Stream<String>> response =
        exchange(builder.GET(), HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() >= 300) {
      String body;
      try (Stream<String> lines = response.body()) {
        body = lines.collect(Collectors.joining("\n"));
      }
      throw error(response.statusCode(), parse(body));
    }
    return response.body();
  }

  private URI uri(String path, Query query) {
    try {
      return URI.create(profile.baseUrl() + path + query);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid gateway URL '" + profile.gateway() + "'", e);
    }
  }

  private HttpRequest.Builder request(String path, Query query) {
    return HttpRequest.newBuilder(uri(path, query))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + profile.token())
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpResponse<String> response = exchange(builder, HttpResponse.BodyHandlers.ofString());
    JsonNode body = parse(response.body());
    if (response.statusCode() >= 300) {
      throw error(response.statusCode(), body);
    }
    return body;
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(builder.build(), handler);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw unreachable(e);
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw unreachable(e);
      }
      throw new CliException("request to " + profile.baseUrl() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid gateway URL '" + profile.gateway() + "'", e);
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

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
