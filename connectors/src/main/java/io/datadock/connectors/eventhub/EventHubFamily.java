package io.datadock.connectors.eventhub;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;
import java.util.Map;

/**
 * Azure Event Hubs ({@link SourceType#EVENTHUB}, field {@code endpoint}): the namespace's Kafka
 * endpoint, checked and scanned by the Kafka family ({@link EventHubCheck}, {@link
 * EventHubScanner}), trusting the JVM's certificate authorities.
 */
public final class EventHubFamily implements SourceFamily {

  @Override
  public String name() {
    return "eventhub";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.EVENTHUB,
            new EventHubCheck(Map.of()),
            new EventHubScanner(Map.of()),
            EventHubFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      EventHubEndpoint endpoint = EventHubEndpoint.of(connection);
      return List.of(new Destination.Endpoint(endpoint.host(), endpoint.port()));
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
