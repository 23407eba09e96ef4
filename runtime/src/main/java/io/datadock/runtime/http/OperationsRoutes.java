package io.datadock.runtime.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * What every service listener answers for operators: {@code GET /metrics} (Prometheus text format),
 * {@code /healthz} (the process answers) and {@code /readyz} (200 while {@code ready} holds,
 * typically its Streams app RUNNING, else 503).
 *
 * @param registry the service's registry, scraped on each {@code /metrics}
 * @param ready what {@code /readyz} reports
 */
public record OperationsRoutes(PrometheusMeterRegistry registry, BooleanSupplier ready) {

  public static final String METRICS = "/metrics";
  public static final String HEALTH = "/healthz";
  public static final String READY = "/readyz";

  void mount(Router router) {
    // A scrape reads every gauge (Kafka clients' among them): off the event loop.
    router.route(METRICS).blockingHandler(this::metrics, false);
    router.route(HEALTH).handler(this::health);
    router.route(READY).handler(this::readiness);
  }

  private void metrics(RoutingContext ctx) {
    Replies.text(ctx, 200, registry.scrape());
  }

  private void health(RoutingContext ctx) {
    Replies.text(ctx, 200, "ok\n");
  }

  private void readiness(RoutingContext ctx) {
    boolean now = ready.getAsBoolean();
    Replies.text(ctx, now ? 200 : 503, now ? "ready\n" : "not ready\n");
  }
}
