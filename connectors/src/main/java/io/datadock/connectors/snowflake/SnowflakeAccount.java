package io.datadock.connectors.snowflake;

import io.datadock.connectors.Reachable;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.http.ServerUrl;
import java.util.Locale;
import java.util.Map;

/**
 * Where a Snowflake depot logs in and what it asks for, from its connection fields: the {@code url}
 * ({@code acme.snowflakecomputing.com}, {@code https://host[:port]}; {@code http://} only to a
 * loopback address, a test's fixture), the {@code account} (the url's first label when not given),
 * and the {@code warehouse}, {@code database}, {@code role} ({@value #DEFAULT_ROLE} when not given)
 * and {@code schema} the session is opened with.
 */
public record SnowflakeAccount(
    ServerUrl server, String account, String warehouse, String database, String role, String schema)
    implements Reachable {

  static final String DEFAULT_ROLE = "PUBLIC";

  /**
   * @throws UnsafeConnectionField naming the field and the rule, never the value
   */
  public static SnowflakeAccount of(SourceConnection connection) {
    String url = required(connection, "url");
    ServerUrl server =
        ServerUrl.parse(
            url.contains("://") ? url : "https://" + url, "url", Map.of("https", 443, "http", 80));
    if (server.scheme().equals("http") && !ServerUrl.loopbackLiteral(server.host())) {
      throw new UnsafeConnectionField("url must be https (http only to a loopback address)");
    }
    String account = connection.string("account");
    if (account == null || account.isBlank()) {
      if (ServerUrl.literal(server.host())) {
        throw new UnsafeConnectionField(
            "the connection has no 'account' and its url's host does not name one");
      }
      account = server.host().substring(0, (server.host() + ".").indexOf('.'));
    }
    String role = connection.string("role");
    String schema = connection.string("schema");
    return new SnowflakeAccount(
        server,
        account.trim(),
        required(connection, "warehouse"),
        required(connection, "database"),
        role == null || role.isBlank() ? DEFAULT_ROLE : role.trim(),
        schema == null || schema.isBlank() ? null : schema.trim());
  }

  @Override
  public String host() {
    return server.host();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String describe() {
    return server + " account '" + account + "'";
  }

  /**
   * The account as the key-pair JWT names it: the locator before any region or cloud suffix ({@code
   * xy12345} of {@code xy12345.us-east-1}), upper case.
   */
  String jwtAccount() {
    int dot = account.indexOf('.');
    return (dot < 0 ? account : account.substring(0, dot)).toUpperCase(Locale.ROOT);
  }

  private static String required(SourceConnection connection, String field) {
    String value = connection.string(field);
    if (value == null || value.isBlank()) {
      throw new UnsafeConnectionField("the connection has no '" + field + "'");
    }
    return value.trim();
  }
}
