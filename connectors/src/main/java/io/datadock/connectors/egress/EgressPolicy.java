package io.datadock.connectors.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where checks and scans may connect, decided on a resolved address and port (never on a name: see
 * {@link EgressGate}). In this order:
 *
 * <ol>
 *   <li>{@link #ALWAYS_DENIED} (unspecified, link-local and cloud metadata, multicast, broadcast):
 *       denied, whatever the lists say;
 *   <li>a {@link PlatformEndpoints platform listener} (the broker, the gateway, secret-service's
 *       resolution listener, metrics): denied, whatever the lists say;
 *   <li>the operator's lists ({@code DATADOCK_EGRESS_ALLOW}, {@code DATADOCK_EGRESS_DENY}): among
 *       the ranges that hold the address, the most specific (longest prefix) decides; an allow and
 *       a deny of the same prefix deny;
 *   <li>when no listed range holds it: {@link #INTERNAL} ranges (loopback and private) are denied
 *       in {@link Mode#STANDALONE} and allowed in {@link Mode#LOCAL}; every other address is
 *       allowed.
 * </ol>
 *
 * A denial's reason is {@code egress denied: <address> is in <range>} or {@code egress denied:
 * <address>:<port> is the platform's own listener (<name>)}. Immutable apart from the shared
 * endpoint set.
 */
public final class EgressPolicy {

  /** Whether loopback and private ranges are allowed when no listed range decides. */
  public enum Mode {
    /** A service on its own: internal ranges denied unless allowed. */
    STANDALONE,
    /** The all-in-one local launcher: internal ranges allowed unless denied. */
    LOCAL
  }

  /** Never allowed: no list overrides these. */
  public static final List<Cidr> ALWAYS_DENIED =
      List.of(
          Cidr.parse("0.0.0.0/8"), // "this network"; 0.0.0.0 reaches this machine
          Cidr.parse("169.254.0.0/16"), // link-local, cloud metadata 169.254.169.254
          Cidr.parse("100.100.100.200/32"), // Alibaba Cloud metadata
          Cidr.parse("168.63.129.16/32"), // Azure platform (WireServer)
          Cidr.parse("224.0.0.0/4"), // multicast
          Cidr.parse("255.255.255.255/32"), // broadcast
          Cidr.parse("::/128"), // unspecified: reaches this machine
          Cidr.parse("fe80::/10"), // link-local
          Cidr.parse("fd00:ec2::254/128"), // AWS metadata over IPv6
          Cidr.parse("ff00::/8")); // multicast

  /** Loopback and private ranges: denied by default standalone, allowed by default locally. */
  public static final List<Cidr> INTERNAL =
      List.of(
          Cidr.parse("127.0.0.0/8"),
          Cidr.parse("::1/128"),
          Cidr.parse("10.0.0.0/8"),
          Cidr.parse("172.16.0.0/12"),
          Cidr.parse("192.168.0.0/16"),
          Cidr.parse("100.64.0.0/10"),
          Cidr.parse("fc00::/7"));

  private final Mode mode;
  private final List<Cidr> allow;
  private final List<Cidr> deny;
  private final PlatformEndpoints platform;
  private final Predicate<InetAddress> onThisMachine;

  EgressPolicy(
      Mode mode,
      List<Cidr> allow,
      List<Cidr> deny,
      PlatformEndpoints platform,
      Predicate<InetAddress> onThisMachine) {
    this.mode = mode;
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
    this.platform = platform;
    this.onThisMachine = onThisMachine;
  }

  public static EgressPolicy of(
      Mode mode, List<Cidr> allow, List<Cidr> deny, PlatformEndpoints platform) {
    return new EgressPolicy(mode, allow, deny, platform, EgressPolicy::isThisMachine);
  }

  public Mode mode() {
    return mode;
  }

  /** The decision for a connection to {@code address:port}. */
  public EgressDecision decide(InetAddress address, int port) {
    InetAddress a = Cidr.normalize(address);
    String text = Cidr.text(a);
    for (Cidr range : ALWAYS_DENIED) {
      if (range.contains(a)) {
        return EgressDecision.deny(text + " is in " + range);
      }
    }
    Optional<String> listener = platform.listenerAt(a, port, onThisMachine);
    if (listener.isPresent()) {
      String hostPort =
          a instanceof java.net.Inet6Address ? "[" + text + "]:" + port : text + ":" + port;
      return EgressDecision.deny(
          hostPort + " is the platform's own listener (" + listener.get() + ")");
    }
    Optional<Cidr> allowedBy = mostSpecific(allow, a);
    Optional<Cidr> deniedBy = mostSpecific(deny, a);
    if (deniedBy.isPresent()
        && (allowedBy.isEmpty() || deniedBy.get().prefix() >= allowedBy.get().prefix())) {
      return EgressDecision.deny(text + " is in " + deniedBy.get());
    }
    if (allowedBy.isPresent()) {
      return EgressDecision.allow(text + " is in allowed " + allowedBy.get());
    }
    Optional<Cidr> internal = mostSpecific(INTERNAL, a);
    if (internal.isPresent()) {
      return mode == Mode.STANDALONE
          ? EgressDecision.deny(text + " is in " + internal.get())
          : EgressDecision.allow(text + " is in " + internal.get() + ", allowed locally");
    }
    return EgressDecision.allow(text + " is a public address");
  }

  @Override
  public String toString() {
    return "EgressPolicy[mode=" + mode + ", allow=" + allow + ", deny=" + deny + "]";
  }

  private static Optional<Cidr> mostSpecific(List<Cidr> ranges, InetAddress address) {
    Cidr best = null;
    for (Cidr range : ranges) {
      if (range.contains(address) && (best == null || range.prefix() > best.prefix())) {
        best = range;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Loopback, the unspecified address, or an address of one of this machine's interfaces. */
  static boolean isThisMachine(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (IOException | RuntimeException e) {
      return true; // cannot tell: the stricter reading
    }
  }
}
