package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/watch?type=&tenant=&since=}: resource changes as Server-Sent Events. Without a
 * position the stream starts with every current resource ({@code added}) and a {@code synced}
 * event, then follows changes. Each event's id is its position; a reconnecting client sends it back
 * ({@code Last-Event-ID} or {@code since=}) and gets what it missed, or a {@code reset} event and a
 * fresh snapshot (ending with {@code synced}) when the gateway no longer retains that position.
 * Heartbeats keep idle connections open; a client that cannot keep up is sent a final {@code
 * dropped} event and disconnected rather than buffered without bound (see {@link WatchStream}).
 * Secret values never appear: events carry the redacted resource.
 */
final class WatchApi {

  private final WatchHub hub;
  private final ResourceView view;
  private final Authorizer authorizer;
  private final WatchLimits limits;
  private final LiveFrames frames = new LiveFrames();

  WatchApi(WatchHub hub, ResourceView view, Authorizer authorizer, WatchLimits limits) {
    this.hub = hub;
    this.view = view;
    this.authorizer = authorizer;
    this.limits = limits;
  }

  void mount(Router router) {
    router.get("/api/v1/watch").handler(this::handleWatch);
  }

  private void handleWatch(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    ResourceKind type = Requests.typeQuery(ctx);
    String tenant = Requests.tenant(ctx);
    authorizer.read(caller, tenant);
    long since = position(ctx);
    Predicate<ResourceState> filter =
        s -> s.getTenant().equals(tenant) && (type == null || type.is(s.getKind()));
    new WatchStream(ctx.vertx(), ctx.request(), hub, view, filter, limits, frames).start(since);
  }

  private static long position(RoutingContext ctx) {
    String text =
        Optional.ofNullable(ctx.request().getHeader("Last-Event-ID"))
            .orElse(ctx.queryParams().get("since"));
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new DatadockException(
          io.datadock.core.error.ErrorCode.MALFORMED,
          "since must be a position (a number), got '" + text + "'",
          "since");
    }
  }
}
