package io.datadock.runtime.http;

import io.datadock.runtime.replay.StateDigest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET} → a service's {@link StateDigest} as JSON, for its operator listener (mounted with
 * {@link ServiceHttpServer#mount}, off the event loop: a digest reads the whole store); 503 while
 * the state cannot be read.
 */
public final class StateDigestRoute {

  private StateDigestRoute() {}

  public static Handler<RoutingContext> handler(Supplier<StateDigest> digest) {
    return ctx -> {
      String body;
      int status;
      try {
        body = digest.get().json();
        status = 200;
      } catch (RuntimeException e) {
        // Typically a rebalance or a replay in progress: the state cannot be read right now.
        body = "{\"error\":\"state not available: " + e.getClass().getSimpleName() + "\"}";
        status = 503;
      }
      Replies.json(ctx, status, body.getBytes(StandardCharsets.UTF_8));
    };
  }
}
