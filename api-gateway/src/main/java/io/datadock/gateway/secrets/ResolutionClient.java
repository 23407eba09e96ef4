package io.datadock.gateway.secrets;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks secret-service's credential resolution for a secret's values on behalf of the caller (its
 * own token is passed on, so secret-service authorizes and audits the person, not the gateway).
 * Used only for {@code GET ...?unsanitize=true}; the gateway never stores what comes back.
 */
public final class ResolutionClient {

  private final HttpClientAgent http;
  private final URI base;

  /**
   * @param resolutionUrl secret-service's resolution base URL, or null when not configured
   */
  public ResolutionClient(Vertx vertx, String resolutionUrl) {
    this.http = vertx.createHttpClient();
    this.base = resolutionUrl == null ? null : URI.create(resolutionUrl);
  }

  public Future<Map<String, String>> unsanitize(String callerToken, String resourceKey) {
    if (base == null) {
      return Future.failedFuture(
          new DatadockException(ErrorCode.UNAVAILABLE, "credential resolution is not configured"));
    }
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(base.getHost())
            .setPort(base.getPort())
            .setURI("/internal/v1/resolve")
            .putHeader("Authorization", "Bearer " + callerToken)
            .putHeader("Content-Type", "application/json");
    String body = new JsonObject().put("secret", resourceKey).put("purpose", "unsanitize").encode();
    return http.request(options)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> toFields(resp.statusCode(), b.toJsonObject())));
  }

  private static Map<String, String> toFields(int status, JsonObject body) {
    if (status == 200) {
      Map<String, String> fields = new LinkedHashMap<>();
      body.getJsonObject("fields")
          .forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
      return fields;
    }
    String message = body.getJsonObject("error", new JsonObject()).getString("message", "refused");
    ErrorCode code =
        switch (status) {
          case 401, 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          default -> ErrorCode.UNAVAILABLE;
        };
    throw new DatadockException(
        code, code == ErrorCode.FORBIDDEN ? "forbidden: unsanitize-resource is required" : message);
  }
}
