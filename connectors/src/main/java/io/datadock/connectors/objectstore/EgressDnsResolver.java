package io.datadock.connectors.objectstore;

import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where the egress policy sits inside a cloud SDK's HTTP client: the client asks this resolver for
 * a host's addresses and connects only to what it returns, so every address is decided by the
 * {@link EgressGate} before any connection (also for hosts the SDK picks itself, such as a bucket's
 * virtual host). A denied host throws an {@link UnknownHostException} whose cause is the {@link
 * EgressDeniedException} carrying the policy's message.
 */
public final class EgressDnsResolver implements DnsResolver {

  private final EgressGate gate;
  private final int port;

  /**
   * @param port the port the client connects to (the policy may decide by port)
   */
  public EgressDnsResolver(EgressGate gate, int port) {
    this.gate = gate;
    this.port = port;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    EgressGate.Checked checked = gate.check(host, port);
    if (checked.denied() != null) {
      UnknownHostException refused = new UnknownHostException(checked.denied());
      refused.initCause(new EgressDeniedException(checked.denied()));
      throw refused;
    }
    if (checked.unknownHost()) {
      throw new UnknownHostException(host);
    }
    return checked.addresses().toArray(InetAddress[]::new);
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
