package io.datadock.connectors.jdbc;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.core.manifest.depot.HostName;
import io.datadock.core.manifest.depot.Identifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds JDBC URLs from a connection's fields as values, never as URL fragments, whatever reached
 * the connectors (the gateway checks the same rules, but a depot stored before them, or a record
 * written to the topic by other means, did not pass them): the host must be a host name or an IP
 * literal ({@link HostName}) and names must be plain ({@link Identifier}), else {@link
 * IllegalArgumentException} without the value; then every value is written in its driver's own
 * escaping: percent-encoding in the path and query for the drivers that decode it (PostgreSQL,
 * Redshift), {@code {..}} braces for SQL Server. The params come allowlisted ({@link
 * JdbcCheck#params}); the subprotocol is the family's, not the connection's.
 */
final class JdbcUrl {

  /** RFC 3986 unreserved characters, plus {@code $} (an identifier character, safe in a path). */
  private static final String SAFE = "-._~$";

  private JdbcUrl() {}

  /** {@code jdbc:<sub>://host[:port]/[database][?k=v&..]}: PostgreSQL, Redshift. */
  static String slashed(
      String subprotocol,
      SourceConnection c,
      Integer port,
      String databaseField,
      Map<String, String> params) {
    String database = name(c, databaseField);
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach((k, v) -> query.add(k + "=" + percentEncoded(v)));
    return "jdbc:"
        + subprotocol
        + "://"
        + host(c)
        + (port == null ? "" : ":" + port)
        + "/"
        + (database == null ? "" : percentEncoded(database))
        + query;
  }

  /**
   * {@code jdbc:mariadb://host:port/[database]?allowLocalInfile=false[&k=v..]}. Connector/J does
   * not decode percent-encoding, so values go as they are: names are plain and param values free of
   * {@code & = ? #} by then. A server never gets to ask for a local file.
   */
  static String mariadb(SourceConnection c, Integer port, Map<String, String> params) {
    String database = name(c, "database");
    StringJoiner query = new StringJoiner("&", "?", "");
    query.add("allowLocalInfile=false");
    params.forEach((k, v) -> query.add(k + "=" + v));
    return "jdbc:mariadb://"
        + host(c)
        + (port == null ? "" : ":" + port)
        + "/"
        + (database == null ? "" : database)
        + query;
  }

  /**
   * {@code jdbc:sqlserver://;serverName={host};portNumber=..;databaseName={db};k={v}..}: every
   * value in braces (a {@code }} inside doubled), as the SQL Server URL syntax escapes {@code ;}
   * and {@code =}. The server goes in a property too, which also takes IPv6 literals.
   */
  static String sqlserver(
      SourceConnection c, Integer port, String databaseField, Map<String, String> params) {
    String database = name(c, databaseField);
    StringBuilder url =
        new StringBuilder("jdbc:sqlserver://;serverName=")
            .append(braced(HostName.unbracketed(host(c))));
    if (port != null) {
      url.append(";portNumber=").append(port);
    }
    if (database != null) {
      url.append(";databaseName=").append(braced(database));
    }
    if (!params.containsKey("encrypt")) {
      url.append(";encrypt=false");
    }
    params.forEach((k, v) -> url.append(';').append(k).append('=').append(braced(v)));
    return url.toString();
  }

  /** {@code jdbc:oracle:thin:@//host:port[/service]}: EZConnect, whose names are plain. */
  static String oracle(SourceConnection c, Integer port, String serviceField) {
    String service = name(c, serviceField);
    return "jdbc:oracle:thin:@//"
        + host(c)
        + (port == null ? "" : ":" + port)
        + (service == null ? "" : "/" + service);
  }

  /** The host as a URL writes it (an IPv6 literal in brackets). */
  static String host(SourceConnection c) {
    String host = c.string("host");
    if (!HostName.valid(host)) {
      throw new UnsafeConnectionField("the connection's host is not a host name or an IP address");
    }
    return HostName.forUrl(host);
  }

  /** A database or service name, or null when absent. */
  static String name(SourceConnection c, String field) {
    String name = c.string(field);
    if (name == null) {
      return null;
    }
    if (!Identifier.valid(name)) {
      throw new UnsafeConnectionField(
          "the connection's " + field + " is not a plain name (letters, digits, _ - . $)");
    }
    return name;
  }

  /** UTF-8 percent-encoding of everything but letters, digits and {@code - . _ ~ $}. */
  static String percentEncoded(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || SAFE.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A SQL Server URL value: in braces, a closing brace inside doubled. */
  static String braced(String value) {
    return "{" + value.replace("}", "}}") + "}";
  }
}
