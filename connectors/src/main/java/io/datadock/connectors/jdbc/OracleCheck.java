package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** Oracle: {@code jdbc:oracle:thin:@//host:port/service}; collections are schemas (users). */
public final class OracleCheck extends JdbcCheck {

  private static final Set<String> SYSTEM =
      Set.of(
          "sys",
          "system",
          "outln",
          "xdb",
          "dbsnmp",
          "appqossys",
          "audsys",
          "gsmadmin_internal",
          "ojvmsys",
          "dbsfwuser",
          "lbacsys",
          "wmsys",
          "ctxsys",
          "mdsys",
          "ordsys",
          "olapsys",
          "dvsys",
          "gsmcatuser",
          "gsmuser",
          "remote_scheduler_agent",
          "sysbackup",
          "sysdg",
          "syskm",
          "sysrac",
          "xs$null",
          "anonymous",
          "dip",
          "ggsys");

  /** ORA-01017 bad user/password, ORA-28000 locked; ORA-01045 no CREATE SESSION; ORA-12514. */
  private static final VendorCodes CODES =
      new VendorCodes(Set.of(1017, 28000), Set.of(1045), Set.of(12514));

  @Override
  String type() {
    return "oracle";
  }

  @Override
  String defaultSubprotocol() {
    return "oracle:thin";
  }

  @Override
  int defaultPort() {
    return 1521;
  }

  @Override
  String databaseLabel(SourceConnection connection) {
    String service = connection.string("service");
    return service == null ? null : "service '" + service + "'";
  }

  @Override
  String url(SourceConnection c) {
    return JdbcUrl.oracle(c, port(c), "service");
  }

  @Override
  void timeouts(Properties p, Deadline deadline) {
    String millis = String.valueOf(deadline.remainingMillis());
    p.setProperty("oracle.net.CONNECT_TIMEOUT", millis);
    p.setProperty("oracle.jdbc.ReadTimeout", millis);
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
