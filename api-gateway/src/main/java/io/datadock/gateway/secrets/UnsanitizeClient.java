package io.datadock.gateway.secrets;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveError;
import io.datadock.core.resolution.ResolveRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;

/**
 * Asks secret-service's credential resolution for a secret's values on behalf of the caller (its
 * own token is passed on, so secret-service authorizes and audits the person, not the gateway).
 * Used only for {@code GET ...?unsanitize=true}; the gateway never stores what comes back.
 */
public final class UnsanitizeClient {

  private final HttpClientAgent http;
  private final URI base;

  /**
   * @param resolutionUrl secret-service's resolution base URL, or null when not configured
   */
  public UnsanitizeClient(Vertx vertx, String resolutionUrl) {
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
            .setURI(ResolutionWire.PATH)
            .putHeader("Authorization", "Bearer " + callerToken)
            .putHeader("Content-Type", "application/json");
    Buffer body = Buffer.buffer(ResolutionWire.write(ResolveRequest.of(resourceKey, "unsanitize")));
    return http.request(options)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> toFields(resp.statusCode(), b.getBytes())));
  }

  private static Map<String, String> toFields(int status, byte[] body) {
    if (status == 200) {
      return ResolutionWire.readAnswer(body)
          .map(ResolveAnswer::fields)
          .orElseThrow(() -> new IllegalStateException("secret-service answered no resolution"));
    }
    String message = ResolutionWire.readError(body).map(ResolveError::message).orElse("refused");
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
