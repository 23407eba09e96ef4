package io.datadock.connectors.search;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import io.datadock.connectors.http.ServerUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of an Elasticsearch or OpenSearch cluster from the depot's {@code nodes}: {@code
 * host:port} (HTTPS, as both ship secured) or {@code http://host:port} / {@code https://host:port}
 * ({@link ServerUrl}); port {@value #DEFAULT_PORT} when none is given.
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
    ServerUrl url =
        ServerUrl.parse(
            entry.contains("://") ? entry : "https://" + entry,
            "each of 'nodes'",
            Map.of("http", DEFAULT_PORT, "https", DEFAULT_PORT));
    return new SearchNode(url.scheme(), url.host(), url.port());
  }

  /** The secret's login: an {@code apikey}, or basic with {@code username} and {@code password}. */
  static HttpLogin login(Credentials credentials) {
    return HttpLogin.of(credentials, "apikey", "ApiKey", "an API key");
  }

  public Endpoint endpoint() {
    return new Endpoint(host, port);
  }

  /** A REST client to this node with the login's header. */
  EgressRestClient client(HttpLogin login, EgressGate gate, Deadline deadline) {
    return new EgressRestClient(toString(), port, login.authorization(), gate, deadline);
  }

  @Override
  public String toString() {
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
