package io.datadock.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking HTTP calls a benchmark makes one at a time: an apply, a listing, a readiness probe. */
final class GatewayCalls {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;

  GatewayCalls(String token) {
    this.token = token;
  }

  /** The body of a 200 answer; fails naming the status otherwise. */
  String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
  }

  /** True when {@code url} answers 200 (false when nothing listens yet). */
  boolean answers(String url) {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String post(String url, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        url);
  }

  private String send(HttpRequest.Builder request, String url) {
    try {
      HttpResponse<String> response =
          client.send(
              request.header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            url + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
