package io.datadock.connectors.eventhub;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.http.ServerUrl;
import java.util.List;
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
    ServerUrl url = ServerUrl.parse(text, "endpoint", Map.of("sb", KAFKA_PORT));
    return new EventHubEndpoint(url.host(), url.port());
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
