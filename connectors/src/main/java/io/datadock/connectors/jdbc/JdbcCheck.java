package io.datadock.connectors.jdbc;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.PERMISSION;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.core.manifest.depot.JdbcDriver;
import io.datadock.core.manifest.depot.SourceType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared shape of every JDBC check: a TCP reach and a JDBC login (both through {@link
 * JdbcLogin}, which the metadata scanners use too), the collections listed through {@link
 * DatabaseMetaData} ({@link VisibleCollections}), and a permission probe. A family says how to
 * build its URL (its {@code params} through {@link UrlParams}), how to bound its driver's timeouts,
 * which vendor error codes mean what ({@link VendorCodes}), and which collections are its own
 * system ones.
 */
abstract class JdbcCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcCheck.class);

  /** The canonical source type, for logs. */
  abstract String type();

  /**
   * The JDBC URL, built by {@link JdbcUrl} from checked and escaped values; never holds a
   * credential (user and password go in properties).
   *
   * @throws IllegalArgumentException when the host or a name is not a plain value
   */
  abstract String url(SourceConnection connection);

  /** The driver's own connect, login and read timeouts, from the time left. */
  abstract void timeouts(Properties properties, Deadline deadline);

  /** What the collections are called: "schema" or "database". */
  abstract String collectionNoun();

  abstract boolean isSystemCollection(String name);

  VendorCodes vendorCodes() {
    return VendorCodes.NONE;
  }

  /** The family's well-known port, used when the connection has none. */
  int defaultPort() {
    return -1;
  }

  /** The port to reach and connect to: the field, else the family's default, else null. */
  Integer port(SourceConnection connection) {
    Integer port = connection.integer("port");
    return port != null ? port : defaultPort() > 0 ? Integer.valueOf(defaultPort()) : null;
  }

  /**
   * The subprotocol the URL uses: the family's own, whatever the connection's {@code subprotocol}
   * field says (a generic jdbc source's names one of the shipped drivers).
   */
  String subprotocol(SourceConnection connection) {
    return defaultSubprotocol();
  }

  abstract String defaultSubprotocol();

  /** The driver the URL is for: the family's ({@link JdbcDriver#fixedFor}). */
  JdbcDriver driver(SourceConnection connection) {
    return SourceType.lookup(type())
        .flatMap(JdbcDriver::fixedFor)
        .orElseThrow(() -> new IllegalStateException("no JDBC driver for type " + type()));
  }

  /** "database 'sales'" for messages, or null when the connection names none. */
  String databaseLabel(SourceConnection connection) {
    String database = connection.string("database");
    return database == null || database.isBlank() ? null : "database '" + database + "'";
  }

  /** The collections the metadata lists: schemas by default. */
  List<String> collections(DatabaseMetaData metaData) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet schemas = metaData.getSchemas()) {
      while (schemas.next()) {
        names.add(schemas.getString("TABLE_SCHEM"));
      }
    }
    return names;
  }

  /**
   * Why the user cannot read anything, or empty when they can. By default: no non-system collection
   * is visible.
   */
  Optional<String> permissionProblem(Connection connection, String user, List<String> visible)
      throws SQLException {
    return visible.isEmpty()
        ? Optional.of("user '" + user + "' has no access to any " + collectionNoun())
        : Optional.empty();
  }

  /** The message of a passed permission probe. */
  String permissionPassed(String user, List<String> visible) {
    return "user '"
        + user
        + "' can use "
        + VisibleCollections.count(visible.size(), collectionNoun());
  }

  @Override
  public final CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, LIST, PERMISSION);
    CheckReport report = run(connection, credentials, egress.gate(), deadline, run);
    LOG.info(
        "connection check type={} host={} port={} passed={} failedStep={}",
        type(),
        connection.string("host"),
        connection.integer("port"),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private CheckReport run(
      SourceConnection connection,
      Credentials credentials,
      EgressGate gate,
      Deadline deadline,
      CheckRun run) {
    JdbcLogin login = new JdbcLogin(this);
    Optional<String> unreachable = login.reachProblem(connection, gate, deadline);
    if (unreachable.isPresent()) {
      return run.fail(REACH, unreachable.get());
    }
    run.pass(REACH, "reached " + login.target(connection));

    String user = JdbcLogin.userName(credentials);
    Connection jdbc;
    try {
      jdbc = login.open(connection, credentials, gate, deadline);
    } catch (JdbcLogin.Refused refused) {
      return refused.kind() == LoginFailure.NO_ACCESS
          ? run.pass(AUTHENTICATE, "authenticated as user '" + user + "'")
              .skip(LIST, "skipped: no access to " + login.where(connection))
              .fail(PERMISSION, refused.getMessage())
          : run.fail(AUTHENTICATE, refused.getMessage());
    }
    try (Connection open = jdbc) {
      run.pass(AUTHENTICATE, "authenticated as user '" + user + "'");
      return listAndProbe(open, user, credentials, deadline, run);
    } catch (SQLException e) {
      // Only close() lands here, after every step is recorded.
      return run.report();
    }
  }

  /** The {@code LIST} and {@code PERMISSION} steps on an open connection. */
  private CheckReport listAndProbe(
      Connection open, String user, Credentials credentials, Deadline deadline, CheckRun run) {
    List<String> visible;
    try {
      visible =
          deadline.call(
              () ->
                  VisibleCollections.of(collections(open.getMetaData()), this::isSystemCollection),
              ignored -> {});
    } catch (TimeoutException e) {
      return run.fail(LIST, "no answer within " + deadline.describe());
    } catch (Exception e) {
      return run.fail(
          LIST, "cannot list " + collectionNoun() + "s: " + SafeMessages.of(e, credentials));
    }
    run.pass(LIST, VisibleCollections.describe(visible, collectionNoun()));

    Optional<String> problem;
    try {
      problem = deadline.call(() -> permissionProblem(open, user, visible), ignored -> {});
    } catch (TimeoutException e) {
      return run.fail(PERMISSION, "no answer within " + deadline.describe());
    } catch (Exception e) {
      return run.fail(PERMISSION, "cannot check permissions: " + SafeMessages.of(e, credentials));
    }
    return problem.isPresent()
        ? run.fail(PERMISSION, problem.get())
        : run.pass(PERMISSION, permissionPassed(user, visible)).report();
  }

  /** What a refused login means, by SQLState and the family's vendor codes. */
  LoginFailure classify(SQLException error) {
    return vendorCodes().classify(error);
  }

  /** The {@code params} the driver allows, in their given order ({@link UrlParams}). */
  Map<String, String> params(SourceConnection connection) {
    return UrlParams.allowed(driver(connection), connection.fields().get("params"), type());
  }
}
