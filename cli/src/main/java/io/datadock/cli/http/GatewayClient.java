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

/** The gateway's HTTP API, with the profile's bearer token; errors become {@link CliException}s. */
public final class GatewayClient {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    return send(
        request(path, query)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public JsonNode postJson(String path, Object body) {
    try {
      return post(path, Query.of(), "application/json", JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new CliException("cannot encode the request: " + e.getMessage(), e);
    }
  }

  private HttpRequest.Builder request(String path, Query query) {
    return HttpRequest.newBuilder(URI.create(profile.baseUrl() + path + query))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + profile.token())
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
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
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status == 401) {
      throw new ApiException(401, "invalid, expired or revoked token: run datadock login", null);
    }
    if (status >= 300) {
      JsonNode error = body.path("error");
      String message =
          error.hasNonNull("message") ? error.get("message").asText() : "HTTP " + status;
      String field = error.hasNonNull("field") ? error.get("field").asText() : null;
      throw new ApiException(status, message, field);
    }
    return body;
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
