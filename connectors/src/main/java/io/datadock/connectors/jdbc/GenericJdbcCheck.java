package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.core.manifest.depot.JdbcDriver;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A generic {@code jdbc} source: its {@code subprotocol} names one of the drivers Datadock ships
 * ({@link JdbcDriver#bySubprotocol}), and the URL is that driver's ({@code
 * jdbc:postgresql://host[:port]/[database]?params}, {@code jdbc:mariadb://..}, {@code
 * jdbc:sqlserver://;serverName=..}, {@code jdbc:oracle:thin:@//host:port[/database]}, {@code
 * jdbc:redshift://..}), built as its family builds it. Any other subprotocol is refused before a
 * URL exists. Errors are classified by SQLState only; collections are schemas, or catalogs when the
 * driver has no schemas. Driver timeouts are not known by name here, so only the deadline bounds
 * the login.
 */
public final class GenericJdbcCheck extends JdbcCheck {

  /** Well-known ports by driver, for a connection without one. */
  private static final Map<JdbcDriver, Integer> PORTS =
      Map.of(
          JdbcDriver.POSTGRESQL, 5432,
          JdbcDriver.MARIADB, 3306,
          JdbcDriver.SQLSERVER, 1433,
          JdbcDriver.ORACLE, 1521,
          JdbcDriver.REDSHIFT, 5439);

  @Override
  String type() {
    return "jdbc";
  }

  @Override
  String defaultSubprotocol() {
    return "";
  }

  /** The named driver's subprotocol; for messages, the field as written when it names none. */
  @Override
  String subprotocol(SourceConnection c) {
    return named(c).map(JdbcDriver::subprotocol).orElseGet(() -> String.valueOf(field(c)));
  }

  @Override
  JdbcDriver driver(SourceConnection c) {
    return named(c)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the connection's subprotocol names no driver Datadock ships ("
                        + JdbcDriver.knownSubprotocols()
                        + ")"));
  }

  @Override
  String url(SourceConnection c) {
    JdbcDriver driver = driver(c);
    Integer port = port(c);
    return switch (driver) {
      case POSTGRESQL, REDSHIFT ->
          JdbcUrl.slashed(driver.subprotocol(), c, port, "database", params(c));
      case MARIADB -> JdbcUrl.mariadb(c, port, params(c));
      case SQLSERVER -> JdbcUrl.sqlserver(c, port, "database", params(c));
      case ORACLE -> JdbcUrl.oracle(c, port, "database");
    };
  }

  /** The port to reach: the field, or the named driver's well-known one. */
  @Override
  Integer port(SourceConnection c) {
    Integer port = c.integer("port");
    return port != null ? port : named(c).map(PORTS::get).orElse(null);
  }

  private static Optional<JdbcDriver> named(SourceConnection c) {
    return JdbcDriver.bySubprotocol(field(c));
  }

  private static String field(SourceConnection c) {
    return c.string("subprotocol");
  }

  @Override
  void timeouts(Properties p, Deadline deadline) {
    // Names and units differ per driver; the deadline bounds the login instead.
  }

  @Override
  String collectionNoun() {
    return "schema";
  }

  @Override
  boolean isSystemCollection(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("information_schema") || lower.startsWith("pg_");
  }

  @Override
  List<String> collections(DatabaseMetaData metaData) throws SQLException {
    List<String> schemas = super.collections(metaData);
    if (!schemas.isEmpty()) {
      return schemas;
    }
    List<String> catalogs = new ArrayList<>();
    try (ResultSet rs = metaData.getCatalogs()) {
      while (rs.next()) {
        catalogs.add(rs.getString("TABLE_CAT"));
      }
    }
    return catalogs;
  }
}
