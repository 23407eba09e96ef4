package io.datadock.gateway.http.resources;

import io.datadock.core.error.DatadockException;
import io.datadock.gateway.apply.ApplyService.ApplyRequest;
import io.datadock.gateway.http.Requests;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** {@code POST /api/v1/resources} as an {@link ApplyRequest}: its body, headers and parameters. */
final class ApplyRequests {

  private ApplyRequests() {}

  /**
   * @throws DatadockException when the body is empty or {@code If-Match} is not a number
   */
  static ApplyRequest of(RoutingContext ctx) {
    String body = ctx.body().asString();
    if (body == null || body.isBlank()) {
      throw DatadockException.malformed(
          "the request body is empty: send one or more manifests (YAML or JSON)");
    }
    return new ApplyRequest(
        body,
        isJson(ctx.request().getHeader("Content-Type"), body),
        ctx.queryParams().get("tenant"),
        ctx.queryParams().get("workspace"),
        Requests.flag(ctx, "dryRun"),
        ifMatch(ctx.request().getHeader("If-Match")),
        Requests.flag(ctx, "wait"));
  }

  /** The resourceVersion an {@code If-Match} header expects (quotes allowed), null without one. */
  static Long ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim().replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DatadockException.malformed(
          "If-Match must be a resourceVersion (a number), got '" + value + "'");
    }
  }

  /** JSON when the content type says so, YAML when it says that, else by the body's first sign. */
  static boolean isJson(String contentType, String body) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml")) {
      return false;
    }
    String trimmed = body.stripLeading();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }
}
