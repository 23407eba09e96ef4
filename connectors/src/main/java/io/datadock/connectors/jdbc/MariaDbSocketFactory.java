package io.datadock.connectors.jdbc;

import io.datadock.connectors.egress.EgressGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * {@link CheckedSocketFactory} for MariaDB Connector/J, which instantiates its {@code
 * socketFactory} without arguments and then hands it the connection's configuration: the
 * registration id comes from the option {@link DriverSockets#MARIADB_ID_OPTION}.
 */
public final class MariaDbSocketFactory extends ConfigurableSocketFactory {

  private volatile CheckedSocketFactory checked = new CheckedSocketFactory((EgressGate) null);

  @Override
  public void setConfiguration(Configuration configuration, String host) {
    String id = configuration.nonMappedOptions().getProperty(DriverSockets.MARIADB_ID_OPTION);
    checked = new CheckedSocketFactory(DriverSockets.gate(id));
  }

  @Override
  public Socket createSocket() {
    return checked.createSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return checked.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return checked.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return checked.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return checked.createSocket(address, port, localAddress, localPort);
  }
}
