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
 * A live watcher on a gateway's {@code GET /api/v1/watch}, which behaves as the watch's clients are
 * told to: when its stream ends or fails (a gateway killed or restarted) it reconnects with {@code
 * Last-Event-ID} and resumes, or re-lists after a {@code reset} (a restarted gateway holds no
 * position from before its start). It counts the events it is sent, its reconnects and re-lists,
 * and as an error anything that means it missed changes without being told: a {@code dropped}
 * event, a {@code reset} on a stream it did not resume, a position going backwards on a stream
 * after its snapshot, a refused watch.
 */
public final class SseWatcher implements AutoCloseable {

  /** The wait before reconnecting; a gateway being restarted refuses connections meanwhile. */
  private static final Duration BACKOFF = Duration.ofMillis(500);

  private final String name;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI uri;
  private final String token;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong relists = new AtomicLong();
  private final Thread thread;
  private volatile String lastError = "";
  private volatile String lastDisconnect = "";
  private long position = -1;

  public SseWatcher(String name, String gateway, String token) {
    this.name = name;
    this.uri = URI.create(gateway + "/api/v1/watch");
    this.token = token;
    this.thread = new Thread(this::watch, "watcher-" + name);
    thread.setDaemon(true);
  }

  public SseWatcher start() {
    thread.start();
    return this;
  }

  private void watch() {
    try {
      while (running.get()) {
        follow();
        if (running.get()) {
          reconnects.incrementAndGet();
          Thread.sleep(BACKOFF.toMillis()); // a retry's back-off, not a synchronization
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One stream, until it ends or fails. */
  private void follow() throws InterruptedException {
    boolean resumed = position >= 0;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream");
    if (resumed) {
      request.header("Last-Event-ID", String.valueOf(position));
    }
    try {
      HttpResponse<Stream<String>> r =
          http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) {
        r.body().close();
        // a gateway still starting answers 503 until its views are read: wait as for a refusal
        if (r.statusCode() != 503) {
          error("watch answered " + r.statusCode());
        }
        lastDisconnect = "answered " + r.statusCode();
        return;
      }
      FrameCounter counter = new FrameCounter(resumed);
      try (Stream<String> lines = r.body()) {
        lines.takeWhile(l -> running.get()).forEach(counter::line);
      }
      lastDisconnect = "stream ended";
    } catch (IOException | UncheckedIOException e) {
      // a stream of lines fails unchecked (a gateway killed mid-stream); a connection refused
      // while it restarts fails checked
      lastDisconnect = e.toString();
    }
  }

  /** Follows one stream's lines: events, their ids, the snapshot's end. */
  private final class FrameCounter {
    private final boolean resumed;
    private boolean synced;
    private boolean reset;

    FrameCounter(boolean resumed) {
      this.resumed = resumed;
      this.synced = resumed;
    }

    void line(String line) {
      if (line.startsWith("event: ")) {
        frames.incrementAndGet();
        String event = line.substring(7).trim();
        switch (event) {
          case "synced" -> synced = true;
          case "reset" -> {
            if (resumed && !reset) {
              relists.incrementAndGet();
              reset = true;
              synced = false;
              position = -1;
            } else {
              error("event reset on a stream not resumed");
            }
          }
          case "dropped" -> error("event dropped");
          default -> {}
        }
      } else if (line.startsWith("id: ")) {
        long id = Long.parseLong(line.substring(4).trim());
        if (synced && id < position) {
          error("position went back from " + position + " to " + id);
        }
        position = Math.max(position, id);
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

  public long reconnects() {
    return reconnects.get();
  }

  public long relists() {
    return relists.get();
  }

  @Override
  public String toString() {
    return "watcher %s frames=%d errors=%d reconnects=%d relists=%d%s%s"
        .formatted(
            name,
            frames(),
            errors(),
            reconnects(),
            relists(),
            errors() == 0 ? "" : " last error: " + lastError,
            reconnects() == 0 ? "" : " last disconnect: " + lastDisconnect);
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
