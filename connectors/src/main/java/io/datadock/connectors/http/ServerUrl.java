package io.datadock.connectors.http;

import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination.Endpoint;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A server's address from a connection field: {@code scheme://host[:port]} with one of the family's
 * schemes, no user, no path (a trailing "/" at most), no query; the scheme's default port when none
 * is given.
 */
public record ServerUrl(String scheme, String host, int port) {

  /**
   * @param field how messages name the field ({@code adminUrl}, {@code each of 'nodes'})
   * @param defaultPorts the schemes allowed, with their default ports
   * @throws UnsafeConnectionField naming the field and the rule, never the value
   */
  public static ServerUrl parse(String text, String field, Map<String, Integer> defaultPorts) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UnsafeConnectionField(field + " is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!defaultPorts.containsKey(scheme)) {
      throw new UnsafeConnectionField(
          field
              + " must be an "
              + String.join(
                  " or ",
                  new TreeSet<>(defaultPorts.keySet()).stream().map(s -> s + "://").toList())
              + " address");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new UnsafeConnectionField(field + " must name a host (and no user)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new UnsafeConnectionField(field + " must be a scheme, host and port only");
    }
    return new ServerUrl(
        scheme, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPorts.get(scheme));
  }

  /** Whether {@code host} is an IP address literal (IPv6 with or without brackets), not a name. */
  public static boolean literal(String host) {
    return unbracketed(host).matches("[0-9.]+|[0-9a-fA-F:]+");
  }

  /**
   * Whether {@code host} is a loopback address literal; a name is never resolved here (the egress
   * gate decides where it goes), so it is not.
   */
  public static boolean loopbackLiteral(String host) {
    if (!literal(host)) {
      return false;
    }
    try {
      return InetAddress.getByName(unbracketed(host)).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  public Endpoint endpoint() {
    return new Endpoint(host, port);
  }

  /** {@code scheme://host:port}, IPv6 in brackets. */
  @Override
  public String toString() {
    return scheme
        + "://"
        + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
        + ":"
        + port;
  }
}
