package io.datadock.faults.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A live watcher on a gateway's {@code GET /api/v1/watch}: counts the events it is sent and counts
 * as an error anything that means it missed changes: a {@code reset} or {@code dropped} event, a
 * position going backwards after the snapshot, a stream that ends or fails while the soak runs.
 */
public final class SseWatcher implements AutoCloseable {

  private final String name;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpRequest request;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Thread thread;
  private volatile String lastError = "";

  public SseWatcher(String name, String gateway, String token) {
    this.name = name;
    this.request =
        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/watch"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    this.thread = new Thread(this::watch, "watcher-" + name);
    thread.setDaemon(true);
  }

  public SseWatcher start() {
    thread.start();
    return this;
  }

  private void watch() {
    try {
      HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) {
        error("watch answered " + r.statusCode());
        return;
      }
      FrameCounter counter = new FrameCounter();
      try (Stream<String> lines = r.body()) {
        lines.takeWhile(l -> running.get()).forEach(counter::line);
      }
      if (running.get()) {
        error("stream ended");
      }
    } catch (IOException | UncheckedIOException e) {
      // a stream of lines fails unchecked (a gateway killed mid-stream)
      if (running.get()) {
        error("stream failed: " + e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Follows one stream's lines: events, their ids, the snapshot's end. */
  private final class FrameCounter {
    private long lastId = -1;
    private boolean synced;

    void line(String line) {
      if (line.startsWith("event: ")) {
        frames.incrementAndGet();
        String event = line.substring(7).trim();
        if (event.equals("synced")) {
          synced = true;
        } else if (event.equals("reset") || event.equals("dropped")) {
          error("event " + event);
        }
      } else if (line.startsWith("id: ")) {
        long id = Long.parseLong(line.substring(4).trim());
        if (synced && id < lastId) {
          error("position went back from " + lastId + " to " + id);
        }
        lastId = Math.max(lastId, id);
      }
    }
  }

  private void error(String what) {
    errors.incrementAndGet();
    lastError = what;
  }

  public long frames() {
    return frames.get();
  }

  public long errors() {
    return errors.get();
  }

  @Override
  public String toString() {
    return "watcher %s frames=%d errors=%d%s"
        .formatted(name, frames(), errors(), errors() == 0 ? "" : " last: " + lastError);
  }

  @Override
  public void close() {
    running.set(false);
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
