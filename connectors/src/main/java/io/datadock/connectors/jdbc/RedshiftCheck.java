package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.util.Locale;
import java.util.Properties;

/** Amazon Redshift: {@code jdbc:redshift://host:port/database?params}; collections are schemas. */
public final class RedshiftCheck extends JdbcCheck {

  @Override
  String type() {
    return "redshift";
  }

  @Override
  String defaultSubprotocol() {
    return "redshift";
  }

  @Override
  int defaultPort() {
    return 5439;
  }

  @Override
  String url(SourceConnection c) {
    return JdbcUrl.slashed(subprotocol(c), c, port(c), "database", params(c));
  }

  @Override
  void timeouts(Properties p, Deadline deadline) {
    String seconds = String.valueOf(deadline.remainingSeconds());
    p.setProperty("connectTimeout", seconds);
    p.setProperty("loginTimeout", seconds);
    p.setProperty("socketTimeout", seconds);
    p.setProperty("ApplicationName", "datadock-connection-check");
  }

  @Override
  String collectionNoun() {
    return "schema";
  }

  @Override
  boolean isSystemCollection(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("pg_") || lower.equals("information_schema");
  }
}
