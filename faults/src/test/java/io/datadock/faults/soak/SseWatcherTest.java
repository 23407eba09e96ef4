package io.datadock.faults.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseWatcherTest {

  /** A gateway killed mid-stream: two events, then the connection closes inside a chunk. */
  @Test
  void aStreamCutOffCountsAsAnError() throws Exception {
    try (ServerSocket gateway = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        SseWatcher watcher =
            new SseWatcher("w", "http://127.0.0.1:" + gateway.getLocalPort(), "token")) {
      watcher.start();
      try (Socket connection = gateway.accept()) {
        connection.getInputStream().read(new byte[4096]); // the request
        OutputStream out = connection.getOutputStream();
        String events = "event: synced\nid: 1\n\nevent: change\nid: 2\n\n";
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(events.length())
                    + "\r\n"
                    + events
                    + "\r\n"
                    + "40\r\nevent: chan")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.frames() == 2);
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> watcher.errors() == 1);
      assertThat(watcher.toString()).contains("stream failed");
    }
  }
}
