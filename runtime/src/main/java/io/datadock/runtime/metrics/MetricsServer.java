package io.datadock.runtime.metrics;

import io.datadock.runtime.http.OperationsRoutes;
import io.datadock.runtime.http.ServiceHttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * The operations listener of a service without an HTTP listener of its own: {@code GET /metrics}
 * (Prometheus text format), {@code /healthz} and {@code /readyz} ({@link OperationsRoutes}), and
 * whatever operator endpoint the service mounts (a state digest).
 */
public final class MetricsServer implements AutoCloseable {

  private static final int WORKERS = 2;

  private final ServiceHttpServer server;

  /**
   * @param port the port, 0 for a free one
   * @param ready what {@code /readyz} reports
   * @throws java.io.UncheckedIOException when the port cannot be listened on
   */
  public MetricsServer(PrometheusMeterRegistry registry, int port, BooleanSupplier ready) {
    this.server =
        ServiceHttpServer.start(
            "metrics", port, WORKERS, new OperationsRoutes(registry, ready), router -> {});
  }

  /** Serves another operator endpoint on the same listener (a state digest), off the event loop. */
  public void mount(String path, Handler<RoutingContext> handler) {
    server.mount(path, handler);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
