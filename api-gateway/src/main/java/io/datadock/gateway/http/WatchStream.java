package io.datadock.gateway.http;

import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One client's watch on one response: the snapshot (or what the client missed), then live changes,
 * as Server-Sent Events. Every event's id is its position; all of a snapshot's events carry the
 * position it was taken at, and a snapshot ends with a {@code synced} event, so a client knows when
 * it holds the whole current state (also when there is none).
 *
 * <p>The snapshot, or what a resuming client missed, is written as the client takes it. Memory per
 * client is bounded: once more than {@link WatchLimits#maxBehindBytes()} of changes wait to be
 * taken by the client, the client is dropped: it is unsubscribed at once (nothing more is queued,
 * heartbeats stop), the stream ends with a {@code dropped} event, and the connection is closed when
 * the client has taken that event. Changes handed over but not yet written count too: they wait in
 * this stream's own queue (also while the backlog is written), drained on its event loop a batch at
 * a time, and once more than {@link WatchLimits#maxWaitingEvents()} wait the client is dropped the
 * same way.
 */
final class WatchStream {

  private static final String DROPPED =
      "event: dropped\ndata: "
          + new JsonObject()
              .put("reason", "the client did not keep up; reconnect with Last-Event-ID")
              .encode()
          + "\n\n";

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final WatchHub hub;
  private final ResourceView view;
  private final Predicate<ResourceState> filter;
  private final WatchLimits limits;
  private final LiveFrames frames;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final WatchHub.Watcher watcher;
  private final Context context;
  private final Queue<WatchHub.Event> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waitingCount = new AtomicInteger();
  private final AtomicBoolean overflowed = new AtomicBoolean();
  private long heartbeat;

  /**
   * The frames of the snapshot, or of the changes a resuming client missed, not yet written: on the
   * event loop only; null once written. They are written as the client takes them, not at once.
   */
  private Iterator<String> backlog;

  /** Changes written per turn on the event loop, so other work on it is not held up. */
  private static final int DRAIN_BATCH = 256;

  WatchStream(
      Vertx vertx,
      HttpServerRequest request,
      WatchHub hub,
      ResourceView view,
      Predicate<ResourceState> filter,
      WatchLimits limits,
      LiveFrames frames) {
    this.vertx = vertx;
    this.request = request;
    this.response = request.response();
    this.hub = hub;
    this.view = view;
    this.filter = filter;
    this.limits = limits;
    this.frames = frames;
    this.context = vertx.getOrCreateContext();
    this.watcher =
        new WatchHub.Watcher() {
          @Override
          public Predicate<ResourceState> filter() {
            return filter;
          }

          @Override
          public void deliver(WatchHub.Event event) {
            handOver(event);
          }
        };
  }

  /** On the hub's thread: queues a change for this stream's event loop, or drops the client. */
  private void handOver(WatchHub.Event event) {
    if (overflowed.get()) {
      return;
    }
    if (waitingCount.get() >= limits.maxWaitingEvents()) {
      if (overflowed.compareAndSet(false, true)) {
        context.runOnContext(v -> drop());
      }
      return;
    }
    waiting.add(event);
    if (waitingCount.getAndIncrement() == 0) {
      context.runOnContext(v -> drain());
    }
  }

  /** On the event loop: writes waiting changes, a batch per turn, once the backlog is written. */
  private void drain() {
    if (backlog != null) {
      return; // the backlog's end drains
    }
    for (int i = 0; i < DRAIN_BATCH; i++) {
      send(waiting.poll());
      if (waitingCount.decrementAndGet() == 0) {
        return;
      }
    }
    context.runOnContext(v -> drain());
  }

  /**
   * Starts streaming on the current (event-loop) context.
   *
   * @param since the position the client has seen, or a negative number for a snapshot
   */
  void start(long since) {
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache");
    response.setWriteQueueMaxSize(limits.maxBehindBytes());
    response.closeHandler(v -> stop());
    response.exceptionHandler(e -> response.reset());
    heartbeat =
        vertx.setPeriodic(
            limits.heartbeatMs(),
            id -> {
              if (open.get() && backlog == null) {
                writeFrame(": heartbeat\n\n");
              }
            });
    long snapshotPosition = hub.position();
    List<WatchHub.Event> missed = hub.subscribe(watcher, since);
    Stream<String> written;
    if (missed == null) {
      JsonObject reason =
          new JsonObject()
              .put("reason", "position " + since + " is no longer retained; a snapshot follows");
      written =
          Stream.concat(Stream.of(SseFrame.of("reset", null, reason)), snapshot(snapshotPosition));
    } else if (since < 0) {
      written = snapshot(snapshotPosition);
    } else {
      written = missed.stream().map(frames::of);
    }
    backlog = written.iterator();
    writeBacklog();
  }

  /**
   * Every current resource (as the view holds them now) as {@code added}, then {@code synced}: the
   * snapshot is complete.
   */
  private Stream<String> snapshot(long position) {
    List<ResourceState> states = view.list(filter);
    return Stream.concat(
        states.stream().map(state -> SseFrame.of("added", position, ResourceJson.full(state))),
        Stream.of(SseFrame.of("synced", position, new JsonObject().put("position", position))));
  }

  /**
   * On the event loop: writes the backlog while the client takes it, and continues when it has
   * taken what was queued. Written at once, a backlog larger than the write queue dropped a client
   * that was reading: a watcher resuming on a restarted gateway missed some 10,000 changes, and was
   * dropped on each reconnect. Changes meanwhile wait, bounded by {@link
   * WatchLimits#maxWaitingEvents()}, and are written after it.
   */
  private void writeBacklog() {
    if (backlog == null) {
      return;
    }
    while (open.get() && backlog.hasNext()) {
      if (response.writeQueueFull()) {
        response.drainHandler(v -> writeBacklog());
        return;
      }
      response.write(backlog.next());
    }
    backlog = null;
    if (open.get() && waitingCount.get() > 0) {
      drain();
    }
  }

  private void send(WatchHub.Event e) {
    if (open.get()) {
      writeFrame(frames.of(e));
    }
  }

  private void writeFrame(String frame) {
    if (response.writeQueueFull()) {
      drop();
    } else {
      response.write(frame);
    }
  }

  /**
   * Ends the stream with {@code dropped}. Nothing more is queued for the client; the connection is
   * closed once the client has taken the final event (an HTTP/2 stream just ends).
   */
  private void drop() {
    if (!open.get()) {
      return;
    }
    stop();
    response
        .end(DROPPED)
        .onSuccess(
            v -> {
              if (request.version() != HttpVersion.HTTP_2) {
                request.connection().close();
              }
            });
  }

  private void stop() {
    open.set(false);
    hub.unsubscribe(watcher);
    vertx.cancelTimer(heartbeat);
  }
}
