package io.datadock.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.cli.CliException;
import io.datadock.cli.http.ApiException;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.http.Json;
import io.datadock.cli.http.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Follows the gateway's {@code GET /api/v1/watch}: a snapshot of the current resources (complete at
 * its {@code synced} event), then their changes.
 *
 * <p>Resuming: every event's id is its position in the gateway's sequence of changes. When the
 * stream ends or breaks, the watch reconnects sending back, as {@code Last-Event-ID}, the position
 * of the last event it has taken in full (a change, or a snapshot's {@code synced}; never a
 * snapshot cut short), and the gateway sends what came after it, or a {@code reset} and a new
 * snapshot when it no longer has that position. A {@code dropped} event (this client did not keep
 * up), an error answer (such as a revoked token) or a first connection that fails ends the watch;
 * once it has started, a gateway that cannot be reached for a while is retried.
 */
public final class ResourceWatch {

  /**
   * Three of the gateway's 15 s heartbeats: a stream silent for longer is taken for a connection
   * that died without closing (a network gone, a laptop asleep) and replaced.
   */
  static final Duration SILENCE_LIMIT = Duration.ofSeconds(45);

  /** What the watch reports, in order. */
  public interface Listener {

    /** The whole current state: first when the watch starts, again after a reset. */
    void snapshot(List<JsonNode> resources);

    /** One change: {@code added}, {@code modified} or {@code deleted}. */
    void change(String type, JsonNode resource);
  }

  private final GatewayClient client;
  private final Query query;
  private final Reconnects reconnects;
  private final Duration silenceLimit;
  private String position;
  private List<JsonNode> snapshot;
  private boolean connected;

  /**
   * @param query the watch's {@code type} and {@code tenant}
   */
  public ResourceWatch(GatewayClient client, Query query) {
    this(client, query, Reconnects.defaults(), SILENCE_LIMIT);
  }

  ResourceWatch(GatewayClient client, Query query, Reconnects reconnects, Duration silenceLimit) {
    this.client = client;
    this.query = query;
    this.reconnects = reconnects;
    this.silenceLimit = silenceLimit;
  }

  /**
   * Runs until {@code done} answers true, checked after every event. An interrupt ends it too, but
   * only while it is not reading: on JDK 17 a read of the response body ignores interrupts.
   */
  public void run(Listener listener, BooleanSupplier done) {
    BooleanSupplier stop = () -> done.getAsBoolean() || Thread.currentThread().isInterrupted();
    while (!stop.getAsBoolean()) {
      Stream<String> lines;
      try {
        lines = open();
      } catch (CliException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        if (!connected || !retryable(e)) {
          throw e;
        }
        reconnects.failed(e);
        continue;
      }
      connected = true;
      reconnects.connected();
      follow(lines, listener, stop);
      if (!stop.getAsBoolean()) {
        reconnects.streamEnded();
      }
    }
  }

  /** The gateway unavailable or overloaded, or not reached: worth trying again. */
  private static boolean retryable(CliException e) {
    return !(e instanceof ApiException api) || api.status() >= 500 || api.status() == 429;
  }

  private Stream<String> open() {
    Map<String, String> headers = position == null ? Map.of() : Map.of("Last-Event-ID", position);
    Stream<String> lines = client.lines("/api/v1/watch", query, headers, silenceLimit);
    snapshot = position == null ? new ArrayList<>() : null;
    return lines;
  }

  private void follow(Stream<String> lines, Listener listener, BooleanSupplier stop) {
    SseParser parser = new SseParser();
    try (lines) {
      Iterator<String> it = lines.iterator();
      while (!stop.getAsBoolean() && it.hasNext()) {
        parser.accept(it.next()).ifPresent(event -> handle(event, listener));
      }
    } catch (UncheckedIOException e) {
      // the connection broke, or went silent for too long: reconnect from the last position
    }
  }

  private void handle(SseEvent event, Listener listener) {
    switch (event.type()) {
      case "added", "modified", "deleted" -> {
        JsonNode resource = json(event.data());
        if (snapshot != null) {
          snapshot.add(resource);
        } else {
          listener.change(event.type(), resource);
          position = event.id();
        }
      }
      case "synced" -> {
        if (snapshot != null) {
          listener.snapshot(snapshot);
          snapshot = null;
        }
        position = event.id();
      }
      case "reset" -> snapshot = new ArrayList<>();
      case "dropped" ->
          throw new CliException(
              "the gateway dropped the watch: this client did not keep up with the changes");
      default -> {
        // an event this client does not know (a newer gateway): skipped
      }
    }
  }

  private static JsonNode json(String data) {
    try {
      return Json.parse(data);
    } catch (IOException e) {
      throw new CliException("the watch sent an event that is not JSON: " + data, e);
    }
  }
}
