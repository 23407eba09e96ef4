package io.datadock.runtime.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    int[] ports = new int[count];
    for (int i = 0; i < count; ) {
      int port = anyFree();
      if (!avoid.contains(port) && GIVEN.add(port)) {
        ports[i++] = port;
      }
    }
    return ports;
  }

  private static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
