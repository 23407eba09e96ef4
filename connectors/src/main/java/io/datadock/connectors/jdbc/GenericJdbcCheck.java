package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Any other JDBC source: {@code jdbc:<subprotocol>://host[:port][/database]?params}. Errors are
 * classified by SQLState only; collections are schemas, or catalogs when the driver has no schemas.
 * Driver timeouts are not known by name here, so only the deadline bounds the login.
 */
public final class GenericJdbcCheck extends JdbcCheck {

  /** Well-known ports by subprotocol, for a connection without one. */
  private static final Map<String, Integer> PORTS =
      Map.of(
          "postgresql", 5432,
          "mysql", 3306,
          "mariadb", 3306,
          "sqlserver", 1433,
          "redshift", 5439,
          "db2", 50000);

  @Override
  String type() {
    return "jdbc";
  }

  @Override
  String defaultSubprotocol() {
    return "";
  }

  @Override
  String url(SourceConnection c) {
    Integer port = c.integer("port");
    String database = c.string("database");
    return "jdbc:"
        + subprotocol(c)
        + "://"
        + c.string("host")
        + (port == null ? "" : ":" + port)
        + (database == null ? "" : "/" + database)
        + queryString(c);
  }

  /** The port to reach: the field, or the subprotocol's well-known one. */
  @Override
  Integer port(SourceConnection c) {
    Integer port = c.integer("port");
    return port != null ? port : PORTS.get(subprotocol(c).toLowerCase(Locale.ROOT));
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
