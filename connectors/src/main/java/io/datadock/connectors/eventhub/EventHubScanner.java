package io.datadock.connectors.eventhub;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import java.time.Duration;
import java.util.Map;

/**
 * An Event Hubs namespace's event hubs as datasets: the Kafka family's topic scan ({@link
 * KafkaScanner}, collection "default") through the namespace's Kafka endpoint and login.
 */
public final class EventHubScanner implements MetadataScanner {

  private final KafkaScanner kafka;

  /**
   * @param clientSettings Kafka client settings over the login's, as {@link EventHubCheck} takes
   */
  public EventHubScanner(Map<String, String> clientSettings) {
    this.kafka = new KafkaScanner(clientSettings);
  }

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    try {
      EventHubEndpoint endpoint = EventHubEndpoint.of(connection);
      Credentials login =
          EventHubLogin.kafkaCredentials(
              endpoint, credentials == null ? Credentials.none() : credentials);
      return kafka.scan(endpoint.asKafka(), login, filter, timeout, egress);
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    }
  }
}
