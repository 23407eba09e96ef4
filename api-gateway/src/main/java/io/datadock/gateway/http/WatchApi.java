package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/watch?type=&tenant=&since=}: resource changes as Server-Sent Events. Without a
 * position the stream starts with every current resource ({@code added}), then follows changes.
 * Each event's id is its position; a reconnecting client sends it back ({@code Last-Event-ID} or
 * {@code since=}) and gets what it missed, or a {@code reset} event and a fresh snapshot when the
 * gateway no longer retains that position. Heartbeats keep idle connections open; a client that
 * cannot keep up is sent a final {@code dropped} event and disconnected rather than buffered
 * without bound. Secret values never appear: events carry the redacted resource.
 */
final class WatchApi {

  static final long HEARTBEAT_MS = 15_000;

  /** Bytes a client may fall behind before it is dropped. */
  static final int MAX_BEHIND = 1 << 20;

  private static final Set<String> KINDS = Set.of("secret", "instance-secret", "depot");

  private final WatchHub hub;
  private final ResourceView view;
  private final Authorizer authorizer;

  WatchApi(WatchHub hub, ResourceView view, Authorizer authorizer) {
    this.hub = hub;
    this.view = view;
    this.authorizer = authorizer;
  }

  void mount(Router router) {
    router.get("/api/v1/watch").handler(this::handleWatch);
  }

  private void handleWatch(RoutingContext ctx) {
    Caller caller = ctx.get(HttpApi.CALLER);
    String type = ctx.queryParams().get("type");
    if (type != null && !KINDS.contains(type)) {
      throw DatadockException.malformed(
          "unknown type '" + type + "', expected one of depot, instance-secret, secret");
    }
    String tenant =
        Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller.defaultTenant());
    authorizer.read(caller, tenant);
    long since = position(ctx);
    Predicate<ResourceState> filter =
        s -> s.getTenant().equals(tenant) && (type == null || s.getKind().equals(type));

    HttpServerResponse response = ctx.response();
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache");
    response.setWriteQueueMaxSize(MAX_BEHIND);
    Context context = ctx.vertx().getOrCreateContext();
    AtomicBoolean open = new AtomicBoolean(true);
    WatchHub.Watcher watcher =
        new WatchHub.Watcher() {
          @Override
          public Predicate<ResourceState> filter() {
            return filter;
          }

          @Override
          public void deliver(WatchHub.Event event) {
            context.runOnContext(v -> send(response, open, event));
          }
        };
    long snapshotPosition = hub.position();
    List<WatchHub.Event> missed = hub.subscribe(watcher, since);
    if (missed == null) {
      write(
          response,
          open,
          "reset",
          null,
          new JsonObject()
              .put("reason", "position " + since + " is no longer retained; a snapshot follows"));
      snapshot(response, open, filter, snapshotPosition);
    } else if (since < 0) {
      snapshot(response, open, filter, snapshotPosition);
    } else {
      missed.forEach(e -> send(response, open, e));
    }
    long heartbeat =
        ctx.vertx()
            .setPeriodic(
                HEARTBEAT_MS,
                id -> {
                  if (open.get()) {
                    response.write(": heartbeat\n\n");
                  }
                });
    response.closeHandler(
        v -> {
          open.set(false);
          hub.unsubscribe(watcher);
          ctx.vertx().cancelTimer(heartbeat);
        });
    response.exceptionHandler(e -> response.reset());
  }

  private void snapshot(
      HttpServerResponse response,
      AtomicBoolean open,
      Predicate<ResourceState> filter,
      long position) {
    for (ResourceState state : view.list(filter)) {
      write(response, open, "added", position, ResourceJson.full(state));
    }
  }

  private static void send(HttpServerResponse response, AtomicBoolean open, WatchHub.Event e) {
    write(response, open, e.type(), e.position(), ResourceJson.full(e.state()));
  }

  private static void write(
      HttpServerResponse response, AtomicBoolean open, String event, Long id, JsonObject data) {
    if (!open.get()) {
      return;
    }
    if (response.writeQueueFull()) {
      open.set(false);
      response.end(
          "event: dropped\ndata: "
              + new JsonObject()
                  .put("reason", "the client did not keep up; reconnect with Last-Event-ID")
                  .encode()
              + "\n\n");
      return;
    }
    StringBuilder frame = new StringBuilder();
    if (id != null) {
      frame.append("id: ").append(id).append('\n');
    }
    frame.append("event: ").append(event).append('\n');
    frame.append("data: ").append(data.encode()).append("\n\n");
    response.write(frame.toString());
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
