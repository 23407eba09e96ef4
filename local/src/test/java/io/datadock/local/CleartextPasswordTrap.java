package io.datadock.local;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an attacker listens with: a server speaking just enough of the PostgreSQL protocol to ask a
 * client for a cleartext password (AuthenticationCleartextPassword) and keep what it is sent. It
 * counts every connection, so a test can prove that nothing reached it at all.
 */
final class CleartextPasswordTrap implements AutoCloseable {

  private static final int SSL_REQUEST = 80877103;

  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> passwords = new CopyOnWriteArrayList<>();
  private final Thread loop;

  private CleartextPasswordTrap(ServerSocket server) {
    this.server = server;
    this.loop = new Thread(this::acceptAll, "cleartext-password-trap");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /** Listens on a free port of {@code address} (a loopback address). */
  static CleartextPasswordTrap on(String address) throws IOException {
    return new CleartextPasswordTrap(new ServerSocket(0, 50, InetAddress.getByName(address)));
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<String> passwordsReceived() {
    return List.copyOf(passwords);
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        connections.incrementAndGet();
        socket.setSoTimeout(5_000);
        askForThePassword(socket);
      } catch (IOException e) {
        // the client went away, or the trap is closing
      }
    }
  }

  private void askForThePassword(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    int length = in.readInt();
    int code = in.readInt();
    if (code == SSL_REQUEST) {
      out.writeByte('N');
      out.flush();
      length = in.readInt();
      in.readInt();
    }
    in.readFully(new byte[length - 8]);
    out.writeByte('R');
    out.writeInt(8);
    out.writeInt(3); // AuthenticationCleartextPassword
    out.flush();
    if (in.readByte() == 'p') {
      byte[] password = new byte[in.readInt() - 4];
      in.readFully(password);
      passwords.add(new String(password, 0, password.length - 1, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
