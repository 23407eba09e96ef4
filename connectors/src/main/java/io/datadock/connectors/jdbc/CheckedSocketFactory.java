package io.datadock.connectors.jdbc;

import io.datadock.connectors.egress.EgressDecision;
import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import javax.net.SocketFactory;

/**
 * A socket factory for JDBC drivers that resolve the host name again when they connect (pgjdbc and
 * the Redshift driver through {@code socketFactory}/{@code socketFactoryArg}, SQL Server through
 * {@code socketFactoryClass}/{@code socketFactoryConstructorArg}): every socket it makes decides
 * the address it is about to connect to with the egress policy and throws {@link
 * EgressDeniedException} instead of connecting when it is denied. The driver instantiates it by
 * class name with one string, the id under which {@link DriverSockets} registered the login's gate;
 * an unknown id denies every connection.
 */
public final class CheckedSocketFactory extends SocketFactory {

  private final EgressGate gate;

  /** Called by the driver with the registration id. */
  public CheckedSocketFactory(String registrationId) {
    this(DriverSockets.gate(registrationId));
  }

  CheckedSocketFactory(EgressGate gate) {
    this.gate = gate;
  }

  @Override
  public Socket createSocket() {
    return new CheckedSocket(gate);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(InetSocketAddress.createUnresolved(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(InetSocketAddress.createUnresolved(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  /** A plain socket that asks the egress policy before it connects. */
  static final class CheckedSocket extends Socket {

    private final EgressGate gate;

    CheckedSocket(EgressGate gate) {
      this.gate = gate;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      super.connect(checked(gate, endpoint), timeout);
    }
  }

  /** The address to connect to, once allowed; an unresolved one is resolved through the gate. */
  static InetSocketAddress checked(EgressGate gate, SocketAddress endpoint) throws IOException {
    if (gate == null) {
      throw new EgressDeniedException(
          EgressDecision.DENIED + "no egress policy for this connection");
    }
    if (!(endpoint instanceof InetSocketAddress inet)) {
      throw new EgressDeniedException(EgressDecision.DENIED + "not an internet address");
    }
    if (inet.isUnresolved()) {
      EgressGate.Checked checked = gate.check(inet.getHostString(), inet.getPort());
      if (checked.denied() != null) {
        throw new EgressDeniedException(checked.denied());
      }
      if (checked.unknownHost()) {
        throw new UnknownHostException(inet.getHostString());
      }
      return new InetSocketAddress(checked.addresses().get(0), inet.getPort());
    }
    EgressDecision decision = gate.decide(inet.getAddress(), inet.getPort());
    if (!decision.allowed()) {
      throw new EgressDeniedException(decision.reason());
    }
    return inet;
  }
}
