package io.datadock.runtime.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Picks free TCP ports, never one this JVM was given before: a port picked and closed may be handed
 * out again by the system before its first taker binds it (two listeners of one broker, or two
 * services of one cluster, on the same port).
 *
 * <p>The ports come from below the system's ephemeral range ({@code
 * /proc/sys/net/ipv4/ip_local_port_range}), which is where the system takes the local port of every
 * outgoing connection and of every listener on port 0. A port picked from inside that range could
 * be taken by a Kafka client's connection in the moment before its listener binds it (seen in CI:
 * "Address already in use" for secret-service's picked port).
 */
public final class FreePorts {

  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
  private static final PortRange BELOW_EPHEMERAL =
      PortRange.belowEphemeral(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
  private static final Random RANDOM = new Random();

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
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = BELOW_EPHEMERAL.low() + RANDOM.nextInt(BELOW_EPHEMERAL.size());
      if (bindable(port)) {
        return port;
      }
    }
    // a machine whose ports below the ephemeral range are all taken: one the system picks
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Whether nothing listens on {@code port}, on any interface (services listen on all). */
  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port), 50);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The ports below the ephemeral range, down to 10,000 (beneath: well-known services' ports). */
  record PortRange(int low, int high) {
    int size() {
      return high - low + 1;
    }

    static PortRange belowEphemeral(Path ipLocalPortRange) {
      int ephemeralLow = 32_768; // Linux's default
      try {
        // readAllLines: readString read this /proc file short here ("3"), sizing it as a file
        String[] range = Files.readAllLines(ipLocalPortRange).get(0).trim().split("\\s+");
        ephemeralLow = Math.max(1024, Integer.parseInt(range[0]));
      } catch (IOException | RuntimeException e) {
        // not Linux, or not readable: the default
      }
      // no room below an unusual range: any port from 10,000 up, each checked
      return new PortRange(10_000, ephemeralLow > 11_000 ? ephemeralLow - 1 : 65_535);
    }
  }
}
