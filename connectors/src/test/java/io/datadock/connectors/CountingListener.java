package io.datadock.connectors;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener on a loopback address that accepts, counts and closes connections. */
public final class CountingListener implements AutoCloseable {

  private final ServerSocket listener;
  private final AtomicInteger accepted = new AtomicInteger();

  public CountingListener(String loopbackAddress) throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0));
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "counting-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
