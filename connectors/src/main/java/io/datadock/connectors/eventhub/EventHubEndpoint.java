package io.datadock.connectors.eventhub;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Event Hubs namespace from the depot's {@code endpoint} ({@code
 * sb://<namespace>.servicebus.windows.net/}): its host, and the port of its Kafka endpoint ({@value
 * #KAFKA_PORT} unless the URL names one).
 */
public record EventHubEndpoint(String host, int port) {

  static final int KAFKA_PORT = 9093;

  /**
   * @throws UnsafeConnectionField when {@code endpoint} is missing or not an {@code sb://} URL of a
   *     host
   */
  public static EventHubEndpoint of(SourceConnection connection) {
    String text = connection.string("endpoint");
    if (text == null || text.isBlank()) {
      throw new UnsafeConnectionField("the connection has no 'endpoint'");
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UnsafeConnectionField("endpoint is not a URL");
    }
    if (!"sb".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))) {
      throw new UnsafeConnectionField("endpoint must be an sb:// URL (sb://<namespace>/)");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      throw new UnsafeConnectionField("endpoint must name a host (and no user)");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
        || uri.getQuery() != null) {
      throw new UnsafeConnectionField("endpoint must be sb://<namespace>/ only");
    }
    return new EventHubEndpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : KAFKA_PORT);
  }

  /** The namespace as a Kafka connection ({@code brokers}). */
  SourceConnection asKafka() {
    return new SourceConnection("kafka", Map.of("brokers", List.of(host + ":" + port)));
  }

  /** The {@code Endpoint=} of a connection string: the namespace, without the Kafka port. */
  String connectionStringEndpoint() {
    return "sb://" + host + "/";
  }
}
