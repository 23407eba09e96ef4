package io.datadock.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.datadock.runtime.replay.StateDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET} → this instance's {@link StateDigest} as {@code {"entries", "sha256"}}, or 503 while
 * the state cannot be read (a rebalance or a replay in progress). Mounted on a service's operator
 * listener: {@link MetricsServer} (depot-service, the scanner) or secret-service's internal one.
 */
public final class StateDigestHandler implements HttpHandler {

  private final Supplier<StateDigest> digest;

  public StateDigestHandler(Supplier<StateDigest> digest) {
    this.digest = digest;
  }

  static String json(StateDigest digest) {
    return "{\"entries\":" + digest.entries() + ",\"sha256\":\"" + digest.sha256() + "\"}";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    int status;
    try {
      body = json(digest.get()).getBytes(StandardCharsets.UTF_8);
      status = 200;
    } catch (RuntimeException e) {
      body =
          ("{\"error\":\"state not available: " + e.getClass().getSimpleName() + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      status = 503;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
