package io.datadock.runtime.metrics;

import io.datadock.runtime.http.Replies;
import io.datadock.runtime.replay.StateDigest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET} → this instance's {@link StateDigest} as {@code {"entries", "sha256"}}, or 503 while
 * the state cannot be read (a rebalance or a replay in progress). Mounted on a service's operator
 * listener, off the event loop (a digest reads the whole store): {@link MetricsServer}
 * (depot-service, the scanner) or secret-service's internal one.
 */
public final class StateDigestHandler implements Handler<RoutingContext> {

  private final Supplier<StateDigest> digest;

  public StateDigestHandler(Supplier<StateDigest> digest) {
    this.digest = digest;
  }

  static String json(StateDigest digest) {
    return "{\"entries\":" + digest.entries() + ",\"sha256\":\"" + digest.sha256() + "\"}";
  }

  @Override
  public void handle(RoutingContext ctx) {
    String body;
    int status;
    try {
      body = json(digest.get());
      status = 200;
    } catch (RuntimeException e) {
      body = "{\"error\":\"state not available: " + e.getClass().getSimpleName() + "\"}";
      status = 503;
    }
    Replies.json(ctx, status, body.getBytes(StandardCharsets.UTF_8));
  }
}
