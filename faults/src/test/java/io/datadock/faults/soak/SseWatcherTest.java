package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher against a gateway played by a raw socket, so that a stream can be cut anywhere. */
class SseWatcherTest {

  private ServerSocket gateway;
  private SseWatcher watcher;

  @BeforeEach
  void start() throws IOException {
    gateway = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    gateway.setSoTimeout(10_000); // a watcher that does not (re)connect fails the accept
    watcher = new SseWatcher("w", "http://127.0.0.1:" + gateway.getLocalPort(), "token").start();
  }

  @AfterEach
  void stop() throws IOException {
    watcher.close();
    gateway.close();
  }

  /** A gateway killed mid-stream: two events, then the connection closes inside a chunk. */
  @Test
  void aStreamCutOffIsResumedFromItsLastPosition() throws Exception {
    try (Socket first = gateway.accept()) {
      String request = stream(first, "event: synced\nid: 1\n\nevent: modified\nid: 2\n\n");
      assertThat(request).doesNotContainIgnoringCase("Last-Event-ID");
      first.getOutputStream().write("40\r\nevent: modi".getBytes(StandardCharsets.US_ASCII));
      first.getOutputStream().flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.frames() == 2);
    }

    try (Socket second = gateway.accept()) {
      assertThat(stream(second, "event: modified\nid: 3\n\n"))
          .containsIgnoringCase("Last-Event-ID: 2");
      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.frames() == 3);
    }

    assertThat(watcher.errors()).isZero();
    assertThat(watcher.reconnects()).isGreaterThanOrEqualTo(1);
    assertThat(watcher.toString()).contains("last disconnect");
  }

  /** A restarted gateway holds no position from before its start: a reset and a new snapshot. */
  @Test
  void aResetOnAResumedStreamIsARelistNotAnError() throws Exception {
    try (Socket first = gateway.accept()) {
      stream(first, "event: synced\nid: 7\n\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.frames() == 1);
    }

    try (Socket second = gateway.accept()) {
      String events = "event: reset\nid: 0\n\nevent: added\nid: 2\n\nevent: synced\nid: 2\n\n";
      assertThat(stream(second, events)).containsIgnoringCase("Last-Event-ID: 7");
      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.frames() == 4);
    }

    assertThat(watcher.relists()).isEqualTo(1);
    assertThat(watcher.errors()).isZero();
  }

  @Test
  void aDroppedWatcherOrAPositionGoingBackIsAnError() throws Exception {
    try (Socket first = gateway.accept()) {
      stream(
          first, "event: synced\nid: 5\n\nevent: modified\nid: 4\n\nevent: dropped\ndata: {}\n\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.errors() == 2);
    }
    assertThat(watcher.toString()).contains("last error: event dropped");
  }

  /**
   * Answers the watcher's request on {@code connection} with a stream's head and one chunk of
   * {@code events}, the connection left open.
   *
   * @return the request's head
   */
  private static String stream(Socket connection, String events) throws IOException {
    String request = request(connection);
    OutputStream out = connection.getOutputStream();
    out.write(head());
    out.write(chunk(events));
    out.flush();
    return request;
  }

  private static byte[] head() {
    return ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] chunk(String events) {
    return (Integer.toHexString(events.length()) + "\r\n" + events + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The request's head, read up to the blank line. */
  private static String request(Socket connection) throws IOException {
    InputStream in = connection.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
