package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one place error codes become HTTP statuses and JSON error bodies. */
public final class ErrorResponder {

  private ErrorResponder() {}

  public static int status(ErrorCode code) {
    return switch (code) {
      case MALFORMED -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT, DEPENDENCY, SEALING_KEY_NOT_HELD -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case INVALID -> 422;
      case UNAVAILABLE -> 503;
      case TIMEOUT -> 504;
      case INTERNAL -> 500;
    };
  }

  public static JsonObject body(DatadockException e) {
    JsonObject error = new JsonObject().put("code", e.code().code()).put("message", e.getMessage());
    if (e.field() != null) {
      error.put("field", e.field());
    }
    return new JsonObject().put("error", error);
  }

  public static void send(RoutingContext ctx, DatadockException e) {
    send(ctx, status(e.code()), body(e));
  }

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
