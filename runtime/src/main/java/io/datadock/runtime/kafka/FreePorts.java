package io.datadock.runtime.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Picks free TCP ports on the loopback interface, never one this JVM was given before: a port
 * picked and closed may be handed out again by the system before its first taker binds it (two
 * listeners of one broker, or two services of one cluster, on the same port).
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  public static int pick() {
    return pickDistinct(1)[0];
  }

  /** {@code count} free ports, distinct from each other and from {@code taken}. */
  public static int[] pickDistinct(int count, int... taken) {
    Set<Integer> avoid = IntStream.of(taken).boxed().collect(Collectors.toSet());
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; ) {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        held.add(socket);
        int port = socket.getLocalPort();
        if (!avoid.contains(port) && GIVEN.add(port)) {
          ports[i++] = port;
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      held.forEach(FreePorts::close);
    }
  }

  private static void close(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // it was only held to keep its port from being picked again
    }
  }
}
