package io.datadock.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.gateway.view.ResourceView;
import io.datadock.gateway.view.TestResourceStates;
import io.datadock.gateway.watch.WatchHub;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch over real HTTP (Vert.x server, plain socket client), with no broker: the view is fed by
 * hand. Small limits and socket buffers make a slow client quick to produce.
 */
class WatchStreamTest {

  private static final int MAX_BEHIND = 16 * 1024;
  private static final String PADDING = "x".repeat(1000);
  private static final int CHANGES = 2_000;

  private final ResourceView view = new ResourceView();
  private final WatchHub hub = new WatchHub(view);
  private final AtomicReference<HttpServerResponse> served = new AtomicReference<>();
  private final AtomicReference<Context> servedOn = new AtomicReference<>();
  private volatile WatchLimits limits = new WatchLimits(MAX_BEHIND, 10_000, 3_600_000);
  private Vertx vertx;
  private HttpServer server;
  private long offset;

  @BeforeEach
  void startServer() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router
        .get("/watch")
        .handler(
            ctx -> {
              servedOn.set(vertx.getOrCreateContext());
              served.set(ctx.response());
              String since = ctx.queryParams().get("since");
              new WatchStream(vertx, ctx.request(), hub, view, s -> true, limits, new LiveFrames())
                  .start(since == null ? -1 : Long.parseLong(since));
            });
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setSendBufferSize(8 * 1024))
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await();
  }

  @AfterEach
  void stopServer() {
    vertx.close().await();
  }

  @Test
  void aClientThatDoesNotReadIsDroppedWithAFinalEventAndDisconnected() throws Exception {
    try (Socket client = connect("/watch")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> served.get() != null);

      for (int i = 0; i < CHANGES; i++) {
        change("t/secret/s" + i, 1);
      }

      assertDroppedAndDisconnected(client);
    }
  }

  @Test
  void aStreamWhoseEventLoopIsBusyDropsItsClientOnceTooManyChangesWaitToBeWritten()
      throws Exception {
    int maxWaiting = 100;
    limits = new WatchLimits(64 << 20, maxWaiting, 3_600_000); // no bound on bytes here
    try (Socket client = connect("/watch")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> servedOn.get() != null);
      // the stream's event loop is held, as a loaded one catching up on a view would be
      CountDownLatch busy = new CountDownLatch(1);
      CountDownLatch held = new CountDownLatch(1);
      servedOn
          .get()
          .runOnContext(
              v -> {
                held.countDown();
                try {
                  busy.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      held.await();
      for (int i = 0; i < maxWaiting * 5; i++) {
        change("t/secret/s" + i, 1);
      }
      busy.countDown();

      await().atMost(Duration.ofSeconds(10)).until(() -> served.get().ended());
      assertThat(hub.watcherCount()).as("unsubscribed when dropped").isZero();
      Response response = Response.readAll(new BufferedInputStream(client.getInputStream()));
      List<String> events = response.events();
      assertThat(events).last().asString().startsWith("event: dropped\ndata: {\"reason\":");
      assertThat(events.stream().filter(e -> e.contains("event: added")).count())
          .as("the snapshot's synced, then at most the changes that could wait")
          .isLessThanOrEqualTo(maxWaiting);
    }
  }

  @Test
  void aClientThatDoesNotTakeItsSnapshotIsDroppedOnceChangesPileUpBehindIt() throws Exception {
    int maxWaiting = 100;
    limits = new WatchLimits(MAX_BEHIND, maxWaiting, 3_600_000);
    for (int i = 0; i < CHANGES; i++) {
      change("t/secret/s" + i, 1);
    }
    try (Socket client = connect("/watch")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> served.get() != null);
      for (int i = 0; i <= maxWaiting; i++) {
        change("t/secret/s" + i, 2);
      }

      assertDroppedAndDisconnected(client);
    }
  }

  /**
   * A snapshot, or the changes a resuming client missed, far larger than the bound on what may wait
   * for the client: written as it takes them, whole. Written at once, the client was dropped after
   * the first 16 KiB (a watcher resuming on a restarted gateway in the soak, each time it
   * reconnected).
   */
  @Test
  void aReadingClientGetsASnapshotOrWhatItMissedLargerThanTheBoundWhole() throws Exception {
    for (int i = 0; i < CHANGES; i++) {
      change("t/secret/s" + i, 1);
    }
    long position = hub.position();
    for (int i = 0; i < CHANGES; i++) {
      change("t/secret/s" + i, 2);
    }

    List<String> snapshot = events("/watch", CHANGES + 1);
    List<String> missed = events("/watch?since=" + position, CHANGES);

    assertThat(snapshot).filteredOn("event: added"::equals).hasSize(CHANGES);
    assertThat(snapshot).last().isEqualTo("event: synced");
    assertThat(missed).filteredOn("event: modified"::equals).hasSize(CHANGES);
  }

  /**
   * The lines of a watch read by a client that takes them as they come, up to its {@code count}th
   * event, or its {@code dropped} one.
   */
  private List<String> events(String path, int count) throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    List<String> lines = new ArrayList<>();
    int events = 0;
    try (Stream<String> body = response.body()) {
      Iterator<String> it = body.iterator();
      while (events < count && it.hasNext()) {
        String line = it.next();
        lines.add(line);
        if (line.equals("event: dropped")) {
          break;
        }
        if (line.startsWith("event: ")) {
          events++;
        }
      }
    }
    return lines;
  }

  @Test
  void aSnapshotEndsWithSyncedAtItsPosition() throws Exception {
    change("t/secret/a", 1);
    change("t/secret/b", 1);
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + "/watch"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    List<String> lines = new ArrayList<>();
    try (Stream<String> body = response.body()) {
      Iterator<String> it = body.iterator();
      while (lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("data: {\"position\"")) {
        lines.add(it.next());
      }
    }

    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("id: ") || l.startsWith("event: "))
        .containsExactly(
            "id: 2", "event: added", "id: 2", "event: added", "id: 2", "event: synced");
    assertThat(lines).last().isEqualTo("data: {\"position\":2}");
  }

  /**
   * Once the server has given up on the client, the client reads what was queued: a bounded part of
   * the changes, the final {@code dropped} event, then the end of the connection.
   */
  private void assertDroppedAndDisconnected(Socket client) throws IOException {
    await().atMost(Duration.ofSeconds(10)).until(() -> served.get() != null);
    await().atMost(Duration.ofSeconds(10)).until(() -> served.get().ended());
    assertThat(hub.watcherCount()).as("unsubscribed when dropped").isZero();

    Response response = Response.readAll(new BufferedInputStream(client.getInputStream()));
    List<String> events = response.events();
    assertThat(events).last().asString().startsWith("event: dropped\ndata: {\"reason\":");
    assertThat(events.size() - 1).as("changes delivered before the drop").isLessThan(CHANGES);
    assertThat(response.bodyBytes())
        .as("bytes held for the client: bounded, not every change")
        .isLessThan(CHANGES * PADDING.length() / 4);
    assertThat(response.closed()).as("the server closed the connection").isTrue();
  }

  /** Opens a connection with a small receive buffer and sends the request; reads nothing. */
  private Socket connect(String path) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4 * 1024);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()));
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  private void change(String key, long version) {
    ResourceState state = TestResourceStates.of(key, version, "{\"padding\":\"" + PADDING + "\"}");
    view.onRecord(new ConsumerRecord<>("t", 0, offset++, key, state));
  }

  /** A chunked HTTP/1.1 response read to its last chunk, and whether the socket then closed. */
  record Response(String body, int bodyBytes, boolean closed) {

    static Response readAll(InputStream in) throws IOException {
      String head = line(in);
      assertThat(head).startsWith("HTTP/1.1 200");
      while (!line(in).isEmpty()) {
        // headers
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int size;
      while ((size = Integer.parseInt(line(in).trim(), 16)) > 0) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
      boolean closed;
      try {
        closed = in.read() == -1;
      } catch (java.net.SocketTimeoutException e) {
        closed = false;
      }
      return new Response(body.toString(StandardCharsets.UTF_8), body.size(), closed);
    }

    List<String> events() {
      List<String> events = new ArrayList<>();
      for (String frame : body.split("\n\n")) {
        if (!frame.isBlank() && !frame.startsWith(":")) {
          events.add(frame);
        }
      }
      return events;
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c == -1) {
          throw new IOException("connection closed mid-response after: " + sb);
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }
  }
}
