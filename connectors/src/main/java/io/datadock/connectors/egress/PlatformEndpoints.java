package io.datadock.connectors.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The platform's own listeners (the Kafka broker, the gateway, secret-service's resolution
 * listener, metrics listeners), which no check or scan may connect to. A listener on this machine
 * ({@code localhost}, a loopback address or an address of a local interface) is matched on its port
 * at every address of this machine; one elsewhere at its host's addresses. Filled as listeners
 * start (a port picked at start is added once known) and read at every decision, so it is safe to
 * share across threads.
 */
public final class PlatformEndpoints {

  /** One listener: a name for messages ({@code kafka}), its host (null: this machine) and port. */
  public record Endpoint(String name, String host, int port) {}

  private final CopyOnWriteArrayList<Endpoint> endpoints = new CopyOnWriteArrayList<>();

  /** A listener on this machine. */
  public PlatformEndpoints addLocal(String name, int port) {
    if (port > 0) {
      endpoints.addIfAbsent(new Endpoint(name, null, port));
    }
    return this;
  }

  /** A listener at {@code host:port}. */
  public PlatformEndpoints add(String name, String host, int port) {
    if (port > 0) {
      endpoints.addIfAbsent(
          new Endpoint(name, host == null || host.isBlank() ? null : host.trim(), port));
    }
    return this;
  }

  /** Every {@code host:port} of a comma-separated list such as Kafka bootstrap servers. */
  public PlatformEndpoints addHostPorts(String name, String hostPorts) {
    if (hostPorts == null) {
      return this;
    }
    for (String entry : hostPorts.split(",")) {
      String address = entry.trim().replaceFirst("^[A-Za-z_]+://", "");
      int colon = address.lastIndexOf(':');
      if (colon > 0) {
        try {
          add(
              name,
              unbracket(address.substring(0, colon)),
              Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
          // not a port: nothing to add
        }
      }
    }
    return this;
  }

  /** The host and port of a URL ({@code http://localhost:8081}); its scheme's port when none. */
  public PlatformEndpoints addUrl(String name, String url) {
    if (url == null || url.isBlank()) {
      return this;
    }
    try {
      URI uri = URI.create(url.trim());
      int port =
          uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return add(name, unbracket(uri.getHost()), port);
    } catch (IllegalArgumentException e) {
      return this;
    }
  }

  public List<Endpoint> all() {
    return List.copyOf(endpoints);
  }

  /**
   * The name of the listener at {@code address:port}, if it is one.
   *
   * @param onThisMachine whether an address belongs to this machine
   */
  Optional<String> listenerAt(InetAddress address, int port, Predicate<InetAddress> onThisMachine) {
    for (Endpoint endpoint : endpoints) {
      if (endpoint.port() != port) {
        continue;
      }
      InetAddress[] hosts = resolve(endpoint.host());
      boolean local = hosts.length == 0 || java.util.Arrays.stream(hosts).anyMatch(onThisMachine);
      if (local ? onThisMachine.test(address) : contains(hosts, address)) {
        return Optional.of(endpoint.name());
      }
    }
    return Optional.empty();
  }

  /** The listener's addresses; none for this machine, or when its name does not resolve. */
  private static InetAddress[] resolve(String host) {
    if (host == null) {
      return new InetAddress[0];
    }
    try {
      return InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      // Cannot tell where it is: count it as on this machine, the stricter reading.
      return new InetAddress[0];
    }
  }

  private static boolean contains(InetAddress[] hosts, InetAddress address) {
    InetAddress wanted = Cidr.normalize(address);
    for (InetAddress host : hosts) {
      if (Cidr.normalize(host).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String unbracket(String host) {
    return host != null && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }
}
