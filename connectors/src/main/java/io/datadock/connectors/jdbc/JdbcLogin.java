package io.datadock.connectors.jdbc;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.LoginFiles;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.core.manifest.depot.JdbcDriver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaching and logging in to one JDBC source family: the family's URL, its driver's timeouts from
 * the time left, user and password from the credentials (and, for pgjdbc, the secret's TLS files,
 * on disk for the login only: {@link PgTlsFiles}), and what a refused login means. The connection
 * checks and the metadata scanners both log in through this class. Both steps ask the egress gate:
 * the reach decides on every address of the host, the login installs the driver's checking socket
 * factory where it has one ({@link DriverSockets}).
 */
public final class JdbcLogin {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcLogin.class);

  private final JdbcCheck family;

  JdbcLogin(JdbcCheck family) {
    this.family = family;
  }

  /** The canonical source type, for logs. */
  public String type() {
    return family.type();
  }

  /** A login that did not happen; the message is short and holds no credential value. */
  public static final class Refused extends Exception {
    private final LoginFailure kind;

    Refused(LoginFailure kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }

    LoginFailure kind() {
      return kind;
    }
  }

  /** "host:port" for messages. */
  public String target(SourceConnection connection) {
    return connection.string("host") + ":" + family.port(connection);
  }

  /** The host and port (unresolved) the family connects to, when the connection names them. */
  public Optional<InetSocketAddress> endpoint(SourceConnection connection) {
    String host = connection.string("host");
    Integer port = family.port(connection);
    if (host == null || host.isBlank() || port == null || port < 1 || port > 65535) {
      return Optional.empty();
    }
    return Optional.of(InetSocketAddress.createUnresolved(host.trim(), port));
  }

  /**
   * Empty when every address of host:port is allowed by the gate and one accepts a TCP connection
   * in time, otherwise why not.
   */
  public Optional<String> reachProblem(
      SourceConnection connection, EgressGate gate, Deadline deadline) {
    String host = connection.string("host");
    if (host == null || host.isBlank()) {
      return Optional.of("the connection has no 'host'");
    }
    Integer port = family.port(connection);
    if (port == null || port < 1 || port > 65535) {
      return Optional.of("the connection has no valid 'port'");
    }
    return TcpReach.problem(host.trim(), port, gate, deadline);
  }

  /**
   * Logs in; the caller closes the connection. The driver connects through a socket factory that
   * asks {@code gate} again where the driver has that hook.
   */
  public Connection open(
      SourceConnection connection, Credentials credentials, EgressGate gate, Deadline deadline)
      throws Refused {
    String user = userName(credentials);
    if (user == null || user.isBlank()) {
      throw new Refused(LoginFailure.OTHER, "credentials have no 'username'");
    }
    String password = credentials.get("password");
    if (password == null) {
      throw new Refused(LoginFailure.OTHER, "credentials have no 'password'");
    }
    String url = family.url(connection);
    Driver driver = driverFor(url);
    String noDriver = "no JDBC driver for " + family.subprotocol(connection) + " on the classpath";
    if (driver == null) {
      throw new Refused(LoginFailure.OTHER, noDriver);
    }
    // The allowlist drops these from the URL anyway; a manifest that names them is refused
    // outright.
    Optional<String> reserved =
        connection.fields().get("params") instanceof Map<?, ?> raw
            ? DriverSockets.reservedParam(raw)
            : Optional.empty();
    if (reserved.isPresent()) {
      throw new Refused(
          LoginFailure.OTHER,
          "param '" + reserved.get() + "' is not allowed: Datadock sets the driver's sockets");
    }
    Properties properties = new Properties();
    family.timeouts(properties, deadline);
    properties.setProperty("user", user);
    properties.setProperty("password", password);

    LoginFiles files;
    try {
      files = loginFiles(connection, credentials, properties);
    } catch (IOException e) {
      throw new Refused(
          LoginFailure.OTHER,
          "cannot write the secret's TLS files for the login: " + e.getClass().getSimpleName());
    }
    Connection jdbc;
    // The files live until the driver has connected or given up (a late connect finds them gone).
    try (LoginFiles open = files) {
      jdbc =
          deadline.call(
              () -> {
                try (DriverSockets.Registration hook =
                    DriverSockets.install(driver, properties, gate)) {
                  return driver.connect(url, properties);
                }
              },
              JdbcLogin::closeQuietly);
    } catch (TimeoutException e) {
      throw new Refused(LoginFailure.OTHER, noAnswer(connection, deadline));
    } catch (SQLException e) {
      Optional<String> denied = EgressDeniedException.messageIn(e);
      if (denied.isPresent()) {
        throw new Refused(LoginFailure.OTHER, denied.get());
      }
      throw refused(connection, credentials, deadline, user, e);
    } catch (Exception e) {
      Optional<String> denied = EgressDeniedException.messageIn(e);
      if (denied.isPresent()) {
        throw new Refused(LoginFailure.OTHER, denied.get());
      }
      throw new Refused(LoginFailure.OTHER, "cannot connect: " + SafeMessages.of(e, credentials));
    }
    if (jdbc == null) {
      throw new Refused(LoginFailure.OTHER, noDriver);
    }
    try {
      jdbc.setNetworkTimeout(Runnable::run, deadline.remainingMillis());
    } catch (SQLException | RuntimeException e) {
      // Not supported by this driver: its socket timeout property and the deadline still bound.
    }
    return jdbc;
  }

  /**
   * The secret's files the driver reads from a path, written for this login: pgjdbc's TLS files
   * ({@link PgTlsFiles}); none for the other drivers.
   */
  private LoginFiles loginFiles(
      SourceConnection connection, Credentials credentials, Properties properties)
      throws IOException {
    return family.driver(connection) == JdbcDriver.POSTGRESQL
        ? PgTlsFiles.write(credentials, properties)
        : null;
  }

  /** Whether {@code name} is one of the family's own system schemas or databases. */
  public boolean isSystemCollection(String name) {
    return family.isSystemCollection(name);
  }

  /** "database 'x'" (or "the server") for messages. */
  String where(SourceConnection connection) {
    String database = family.databaseLabel(connection);
    return database == null ? "the server" : database;
  }

  /** The user name under {@code username}, or the older {@code user}. */
  static String userName(Credentials credentials) {
    String username = credentials.get("username");
    return username != null ? username : credentials.get("user");
  }

  private Refused refused(
      SourceConnection connection,
      Credentials credentials,
      Deadline deadline,
      String user,
      SQLException error) {
    LoginFailure kind = family.classify(error);
    String database = family.databaseLabel(connection);
    String message =
        switch (kind) {
          case BAD_CREDENTIALS -> "authentication failed for user '" + user + "'";
          case NO_ACCESS -> "user '" + user + "' has no access to " + where(connection);
          case UNKNOWN_DATABASE ->
              (database == null ? "the database" : database) + " does not exist";
          case OTHER ->
              deadline.expired() || hasCause(error, SocketTimeoutException.class)
                  ? noAnswer(connection, deadline)
                  : "cannot connect: " + SafeMessages.of(error, credentials);
        };
    return new Refused(kind, message);
  }

  private String noAnswer(SourceConnection connection, Deadline deadline) {
    return "no answer from " + target(connection) + " within " + deadline.describe();
  }

  private static Driver driverFor(String url) {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      return null;
    }
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Closes a connection, for one that arrives after the deadline or after a failed scan. */
  public static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("closing a connection failed error={}", e.getClass().getSimpleName());
      }
    }
  }
}
