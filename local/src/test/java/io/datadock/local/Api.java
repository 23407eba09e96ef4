package io.datadock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP client for the integration tests: real requests to the gateway, every response body
 * kept so that tests can prove no secret value ever came back.
 */
final class Api {

  record Response(int status, String body) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;
  private final List<String> seenBodies = new ArrayList<>();

  Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  String token() {
    return token;
  }

  Api withToken(String otherToken) {
    return new Api(baseUrl, otherToken);
  }

  Response applyYaml(String yaml, String query) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/resources" + query))
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  Response applyJson(String json) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/resources"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response apply(HttpRequest.Builder request) {
    return send(request);
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  Response send(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.timeout(Duration.ofSeconds(30));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      synchronized (seenBodies) {
        seenBodies.add(response.body());
      }
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  List<String> seenBodies() {
    synchronized (seenBodies) {
      return List.copyOf(seenBodies);
    }
  }
}
