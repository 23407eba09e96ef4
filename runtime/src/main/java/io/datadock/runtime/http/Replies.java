package io.datadock.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/** How the services' listeners answer: a status, a content type and a body, nothing else. */
public final class Replies {

  /** Prometheus' text format, also used for the plain answers of the operations routes. */
  public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

  public static final String JSON = "application/json";

  private Replies() {}

  public static void text(RoutingContext ctx, int status, String body) {
    send(ctx, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  public static void json(RoutingContext ctx, int status, byte[] body) {
    send(ctx, status, JSON, body);
  }

  private static void send(RoutingContext ctx, int status, String contentType, byte[] body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", contentType)
        .end(Buffer.buffer(body));
  }
}
