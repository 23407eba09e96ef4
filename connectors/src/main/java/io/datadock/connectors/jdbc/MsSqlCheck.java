package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * SQL Server: {@code jdbc:sqlserver://;serverName={host};portNumber=..;databaseName={..};
 * encrypt=false} (unless the params set {@code encrypt}), params appended as {@code ;key={value}};
 * collections are schemas.
 */
public final class MsSqlCheck extends JdbcCheck {

  private static final Set<String> SYSTEM =
      Set.of(
          "sys",
          "information_schema",
          "guest",
          "db_owner",
          "db_accessadmin",
          "db_securityadmin",
          "db_ddladmin",
          "db_backupoperator",
          "db_datareader",
          "db_datawriter",
          "db_denydatareader",
          "db_denydatawriter");

  /** 18456 login failed; 916 not a valid user in the database; 4060 cannot open the database. */
  private static final VendorCodes CODES =
      new VendorCodes(Set.of(18456), Set.of(916, 4060), Set.of(911));

  @Override
  String type() {
    return "mssql";
  }

  @Override
  String defaultSubprotocol() {
    return "sqlserver";
  }

  @Override
  int defaultPort() {
    return 1433;
  }

  @Override
  String url(SourceConnection c) {
    return JdbcUrl.sqlserver(c, port(c), "database", params(c));
  }

  @Override
  void timeouts(Properties p, Deadline deadline) {
    p.setProperty("loginTimeout", String.valueOf(deadline.remainingSeconds()));
    p.setProperty("socketTimeout", String.valueOf(deadline.remainingMillis()));
    p.setProperty("connectRetryCount", "0");
    p.setProperty("applicationName", "datadock-connection-check");
  }

  @Override
  VendorCodes vendorCodes() {
    return CODES;
  }

  @Override
  String collectionNoun() {
    return "schema";
  }

  @Override
  boolean isSystemCollection(String name) {
    return SYSTEM.contains(name.toLowerCase(Locale.ROOT));
  }
}
