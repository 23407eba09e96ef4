package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB through MariaDB Connector/J: {@code
 * jdbc:mariadb://host:port/[database]?allowLocalInfile=false&params}. The database is optional (it
 * is the collection); collections are catalogs, and the user must see at least one besides the
 * server's own.
 */
public final class MySqlCheck extends JdbcCheck {

  private static final Set<String> SYSTEM =
      Set.of("information_schema", "performance_schema", "mysql", "sys");

  /** 1045 access denied, 1698 access denied (unix_socket / no password); 1044 no db access. */
  private static final VendorCodes CODES =
      new VendorCodes(Set.of(1045, 1698), Set.of(1044), Set.of(1049));

  @Override
  String type() {
    return "mysql";
  }

  @Override
  String defaultSubprotocol() {
    return "mariadb";
  }

  @Override
  int defaultPort() {
    return 3306;
  }

  @Override
  String url(SourceConnection c) {
    return JdbcUrl.mariadb(c, port(c), params(c));
  }

  @Override
  void timeouts(Properties p, Deadline deadline) {
    String millis = String.valueOf(deadline.remainingMillis());
    p.setProperty("connectTimeout", millis);
    p.setProperty("socketTimeout", millis);
  }

  @Override
  VendorCodes vendorCodes() {
    return CODES;
  }

  @Override
  String collectionNoun() {
    return "database";
  }

  @Override
  boolean isSystemCollection(String name) {
    return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
  }

  @Override
  List<String> collections(DatabaseMetaData metaData) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet catalogs = metaData.getCatalogs()) {
      while (catalogs.next()) {
        names.add(catalogs.getString("TABLE_CAT"));
      }
    }
    return names;
  }
}
