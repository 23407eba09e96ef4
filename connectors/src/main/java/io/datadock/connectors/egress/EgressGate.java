package io.datadock.connectors.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to <em>every</em> address it has and decides each with the {@link
 * EgressPolicy} before any connection: one denied address denies the whole name (a name with a
 * public and a metadata address must not be half-allowed). Callers then connect to the checked
 * addresses, not to the name again.
 */
public final class EgressGate {

  /** A name's addresses: {@link InetAddress#getAllByName} outside tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * The addresses of one host, all allowed, or why not.
   *
   * @param addresses the host's addresses, in resolver order; empty when denied or unknown
   * @param denied the egress message when any address was denied, else null
   */
  public record Checked(String host, int port, List<InetAddress> addresses, String denied) {

    public boolean allowed() {
      return denied == null && !addresses.isEmpty();
    }

    /** The name did not resolve (not a denial). */
    public boolean unknownHost() {
      return denied == null && addresses.isEmpty();
    }
  }

  private final EgressPolicy policy;
  private final Resolver resolver;

  public EgressGate(EgressPolicy policy) {
    this(policy, InetAddress::getAllByName);
  }

  public EgressGate(EgressPolicy policy, Resolver resolver) {
    this.policy = policy;
    this.resolver = resolver;
  }

  public EgressPolicy policy() {
    return policy;
  }

  /** Resolves {@code host} and decides every address for {@code port}. */
  public Checked check(String host, int port) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      return new Checked(host, port, List.of(), null);
    }
    for (InetAddress address : addresses) {
      EgressDecision decision = policy.decide(address, port);
      if (!decision.allowed()) {
        return new Checked(host, port, List.of(), decision.reason());
      }
    }
    return new Checked(host, port, List.of(addresses), null);
  }

  /** The decision for an address already resolved (a socket factory's connect). */
  public EgressDecision decide(InetAddress address, int port) {
    return policy.decide(address, port);
  }
}
