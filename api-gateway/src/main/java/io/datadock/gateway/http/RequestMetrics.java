package io.datadock.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Request rate and latency by method, endpoint and status. The endpoint is the matched route's
 * template ({@code /api/v1/resources/:type/:name}) or {@value #UNMATCHED}, never the path as sent:
 * the number of series stays that of the routes whatever paths clients make up.
 */
final class RequestMetrics {

  /** The metrics label of a request no route matched. */
  static final String UNMATCHED = "unmatched";

  private static final String ROUTE_TEMPLATE = "routeTemplate";

  private final MeterRegistry metrics;

  RequestMetrics(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** Times every request; mounted first. */
  void timeEveryRequest(Router router) {
    router.route().handler(this::time);
  }

  /**
   * Keeps the route's name on a failing request: it is answered by the router's last failure
   * handler, and on the way there passes the failure handlers of the routes it matches. Called once
   * every endpoint is mounted, before that last failure handler.
   */
  void nameFailures(Router router) {
    for (Route route : router.getRoutes()) {
      if (isEndpoint(route)) {
        route.failureHandler(
            ctx -> {
              ctx.put(ROUTE_TEMPLATE, route.getName());
              ctx.next();
            });
      }
    }
  }

  private void time(RoutingContext ctx) {
    long started = System.nanoTime();
    String method = ctx.request().method().name();
    ctx.addHeadersEndHandler(
        v ->
            Timer.builder("datadock.http.requests")
                .tag("method", method)
                .tag("endpoint", endpoint(ctx))
                .tag("status", String.valueOf(ctx.response().getStatusCode()))
                .register(metrics)
                .record(Duration.ofNanos(System.nanoTime() - started)));
    ctx.next();
  }

  private static String endpoint(RoutingContext ctx) {
    String failed = ctx.get(ROUTE_TEMPLATE);
    if (failed != null) {
      return failed;
    }
    Route route = ctx.currentRoute();
    return route != null && isEndpoint(route) ? route.getName() : UNMATCHED;
  }

  /** A route of one endpoint (methods and a path template), not a handler for every request. */
  private static boolean isEndpoint(Route route) {
    return route.methods() != null && !route.methods().isEmpty() && route.getName() != null;
  }
}
