package io.datadock.connectors.jdbc;

import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import java.util.Locale;
import java.util.Properties;

/**
 * What the sources speaking PostgreSQL's protocol share ({@code postgres}, {@code redshift}): a
 * slashed URL to a database with params, the driver's connect/login/socket timeouts in seconds,
 * schemas as collections, {@code pg_*} and {@code information_schema} as system ones.
 */
abstract class PgWireCheck extends JdbcCheck {

  @Override
  final String url(SourceConnection c) {
    return JdbcUrl.slashed(subprotocol(c), c, port(c), "database", params(c));
  }

  @Override
  final void timeouts(Properties p, Deadline deadline) {
    String seconds = String.valueOf(deadline.remainingSeconds());
    p.setProperty("connectTimeout", seconds);
    p.setProperty("loginTimeout", seconds);
    p.setProperty("socketTimeout", seconds);
    p.setProperty("ApplicationName", "datadock-connection-check");
  }

  @Override
  final String collectionNoun() {
    return "schema";
  }

  @Override
  final boolean isSystemCollection(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("pg_") || lower.equals("information_schema");
  }
}
