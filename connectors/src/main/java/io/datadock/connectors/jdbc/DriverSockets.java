package io.datadock.connectors.jdbc;

import io.datadock.connectors.egress.EgressGate;
import java.sql.Driver;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connect-time egress check inside JDBC drivers. A driver resolves the host name again when it
 * connects, after the {@code reach host} step decided on it; where the driver takes a socket
 * factory by class name, a {@link CheckedSocketFactory} decides again on the address it really
 * connects to:
 *
 * <ul>
 *   <li>pgjdbc ({@code postgres}, and {@code jdbc} with subprotocol postgresql) and the Redshift
 *       driver (a pgjdbc fork): {@code socketFactory} + {@code socketFactoryArg};
 *   <li>SQL Server: {@code socketFactoryClass} + {@code socketFactoryConstructorArg} (its
 *       multi-subnet failover path connects through NIO channels without the factory, so that param
 *       is refused);
 *   <li>MariaDB Connector/J ({@code mysql}): {@code socketFactory} ({@link MariaDbSocketFactory}).
 * </ul>
 *
 * <p>Oracle's thin driver and drivers of other {@code jdbc} subprotocols offer no such hook: they
 * connect to what the name resolves to then. The JVM's DNS cache (30 s by default) keeps the answer
 * the {@code reach host} step decided on, which narrows, but does not close, that window.
 *
 * <p>The driver finds the login's gate by a one-use id registered here for the length of the login
 * (the one static registry: a driver instantiates the factory by class name with a string); an
 * unknown id denies every connection.
 */
final class DriverSockets {

  static final String MARIADB_ID_OPTION = "datadockEgressId";

  /** Params a depot may not set: they would replace or bypass the checking socket factory. */
  static final Set<String> RESERVED_PARAMS =
      Set.of(
          "socketfactory",
          "socketfactoryarg",
          "socketfactoryclass",
          "socketfactoryconstructorarg",
          "multisubnetfailover",
          MARIADB_ID_OPTION.toLowerCase(Locale.ROOT));

  private static final Map<String, EgressGate> REGISTERED = new ConcurrentHashMap<>();

  private DriverSockets() {}

  /** A registration, closed once the driver has connected (or given up). */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** The first param that may not be set, if any. */
  static Optional<String> reservedParam(Map<?, ?> params) {
    return params.keySet().stream()
        .map(String::valueOf)
        .filter(k -> RESERVED_PARAMS.contains(k.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /**
   * Sets the driver's socket factory properties to a checking factory for {@code gate}; does
   * nothing for a driver without such a hook.
   */
  static Registration install(Driver driver, Properties properties, EgressGate gate) {
    String driverClass = driver.getClass().getName();
    String id = UUID.randomUUID().toString();
    switch (driverClass) {
      case "org.postgresql.Driver",
          "com.amazon.redshift.Driver",
          "com.amazon.redshift.jdbc.Driver",
          "com.amazon.redshift.jdbc42.Driver" -> {
        properties.setProperty("socketFactory", CheckedSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", id);
      }
      case "com.microsoft.sqlserver.jdbc.SQLServerDriver" -> {
        properties.setProperty("socketFactoryClass", CheckedSocketFactory.class.getName());
        properties.setProperty("socketFactoryConstructorArg", id);
      }
      case "org.mariadb.jdbc.Driver" -> {
        properties.setProperty("socketFactory", MariaDbSocketFactory.class.getName());
        properties.setProperty(MARIADB_ID_OPTION, id);
      }
      default -> {
        // No socket factory hook (Oracle thin, others): see the class comment.
        return () -> {};
      }
    }
    REGISTERED.put(id, gate);
    return () -> REGISTERED.remove(id);
  }

  /** The gate registered under {@code id}, or null. */
  static EgressGate gate(String id) {
    return id == null ? null : REGISTERED.get(id);
  }
}
