package io.datadock.connectors.kafka;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * Kafka clusters ({@link SourceType#KAFKA}, fields {@code brokers} and {@code schemaRegistryUrl}):
 * {@link KafkaCheck}, {@link KafkaScanner}, and every broker of {@code brokers} as a destination
 * (parsed by {@link KafkaClients#brokers}, port 9092 when none is given).
 */
public final class KafkaFamily implements SourceFamily {

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.KAFKA, new KafkaCheck(), new KafkaScanner(), KafkaFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    return KafkaClients.brokers(connection.fields().get("brokers")).stream()
        .<Destination>map(b -> new Destination.Endpoint(b.host(), b.port()))
        .toList();
  }
}
