package io.datadock.connectors.search;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node of an Elasticsearch or OpenSearch cluster from the depot's {@code nodes}: {@code
 * host:port} (HTTPS, as both ship secured) or {@code http://host:port} / {@code https://host:port};
 * port {@value #DEFAULT_PORT} when none is given.
 */
public record SearchNode(String scheme, String host, int port) {

  static final int DEFAULT_PORT = 9200;

  /**
   * @throws UnsafeConnectionField naming the entry's problem when an entry is not a node address
   */
  public static List<SearchNode> of(SourceConnection connection) {
    Object field = connection.fields().get("nodes");
    List<String> entries = new ArrayList<>();
    if (field instanceof List<?> list) {
      list.forEach(item -> entries.add(String.valueOf(item)));
    } else if (field instanceof String text) {
      entries.addAll(List.of(text.split(",")));
    }
    List<SearchNode> nodes = new ArrayList<>();
    for (String entry : entries) {
      if (!entry.isBlank()) {
        nodes.add(parse(entry.trim()));
      }
    }
    if (nodes.isEmpty()) {
      throw new UnsafeConnectionField("the connection has no 'nodes'");
    }
    return List.copyOf(nodes);
  }

  private static SearchNode parse(String entry) {
    URI uri;
    try {
      uri = new URI(entry.contains("://") ? entry : "https://" + entry);
    } catch (URISyntaxException e) {
      throw new UnsafeConnectionField("each of 'nodes' must be host:port or an http(s) URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UnsafeConnectionField("each of 'nodes' must be an http:// or https:// address");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new UnsafeConnectionField("each of 'nodes' must name a host (and no user)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
        || uri.getQuery() != null) {
      throw new UnsafeConnectionField("each of 'nodes' must be a scheme, host and port only");
    }
    return new SearchNode(scheme, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT);
  }

  public Endpoint endpoint() {
    return new Endpoint(host, port);
  }

  /** The node's URL for {@code path} (starting with "/"). */
  URI uri(String path) {
    return URI.create(this + path);
  }

  @Override
  public String toString() {
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
