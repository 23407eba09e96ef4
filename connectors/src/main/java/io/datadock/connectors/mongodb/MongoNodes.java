package io.datadock.connectors.mongodb;

import io.datadock.connectors.HostPorts;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination.Endpoint;
import java.util.List;
import java.util.Locale;

/**
 * The hosts of a MongoDB depot: {@code nodes} ({@code host:port}, port {@value #DEFAULT_PORT} when
 * none is given) with subprotocol {@code mongodb}. A {@code mongodb+srv} depot is refused: its
 * hosts come from a DNS SRV record, which the check does not look up yet.
 */
final class MongoNodes {

  static final int DEFAULT_PORT = 27017;

  private MongoNodes() {}

  /**
   * @throws UnsafeConnectionField when there is no node or the subprotocol is mongodb+srv
   */
  static List<Endpoint> of(SourceConnection connection) {
    String subprotocol = connection.string("subprotocol");
    if (subprotocol != null && subprotocol.trim().toLowerCase(Locale.ROOT).equals("mongodb+srv")) {
      throw new UnsafeConnectionField(
          "mongodb+srv is not checked yet: list the hosts in 'nodes' with subprotocol mongodb");
    }
    List<Endpoint> nodes = HostPorts.parse(connection.fields().get("nodes"), DEFAULT_PORT);
    if (nodes.isEmpty()) {
      throw new UnsafeConnectionField("the connection has no 'nodes'");
    }
    return nodes;
  }
}
