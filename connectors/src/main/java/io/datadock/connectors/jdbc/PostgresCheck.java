package io.datadock.connectors.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: {@code jdbc:postgresql://host:port/database?params}; collections are schemas. The
 * permission probe asks the server itself: CONNECT on the database and USAGE on at least one
 * schema.
 */
public final class PostgresCheck extends PgWireCheck {

  private static final String PROBE =
      "SELECT has_database_privilege(current_database(), 'CONNECT'),"
          + " (SELECT count(*) FROM pg_catalog.pg_namespace"
          + "   WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
          + "   AND has_schema_privilege(oid, 'USAGE'))";

  @Override
  String type() {
    return "postgres";
  }

  @Override
  String defaultSubprotocol() {
    return "postgresql";
  }

  @Override
  int defaultPort() {
    return 5432;
  }

  @Override
  Optional<String> permissionProblem(Connection connection, String user, List<String> visible)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(PROBE)) {
      row.next();
      if (!row.getBoolean(1)) {
        return Optional.of(
            "user '"
                + user
                + "' has no CONNECT privilege on database '"
                + database(connection)
                + "'");
      }
      if (row.getLong(2) == 0) {
        return Optional.of("user '" + user + "' has no access to any schema");
      }
      return Optional.empty();
    }
  }

  private static String database(Connection connection) throws SQLException {
    String catalog = connection.getCatalog();
    return catalog == null ? "?" : catalog;
  }
}
