package io.datadock.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards every connection accepted on a loopback address to another loopback host:port, byte for
 * byte: a second address in front of a test server (a broker reached at 127.0.0.3 that advertises
 * 127.0.0.1).
 */
public final class TcpForwarder implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private TcpForwarder(ServerSocket server) {
    this.server = server;
  }

  public static TcpForwarder start(String listenAddress, String targetHost, int targetPort)
      throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(listenAddress), 0));
    TcpForwarder forwarder = new TcpForwarder(server);
    daemon(
        () -> {
          while (!server.isClosed()) {
            try {
              Socket client = server.accept();
              Socket target = new Socket(targetHost, targetPort);
              forwarder.open.add(client);
              forwarder.open.add(target);
              daemon(() -> pump(client, target));
              daemon(() -> pump(target, client));
            } catch (IOException e) {
              return;
            }
          }
        });
    return forwarder;
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "tcp-forwarder");
    thread.setDaemon(true);
    thread.start();
  }
}
