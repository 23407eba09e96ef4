package io.datadock.connectors;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener on 127.0.0.1 presenting a certificate of a fresh test CA that no JVM trusts: every
 * client handshake fails on the client's side, before any protocol is spoken.
 */
public final class TestTlsServer implements AutoCloseable {

  private final SSLServerSocket listener;

  private TestTlsServer(SSLServerSocket listener) {
    this.listener = listener;
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                  ((SSLSocket) client).startHandshake();
                } catch (IOException e) {
                  // the client refused the certificate, or the listener closed
                }
              }
            },
            "test-tls-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static TestTlsServer start() throws IOException {
    return new TestTlsServer(
        (SSLServerSocket)
            TestCertificates.authority("untrusted-test-ca")
                .server()
                .serverTls()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
