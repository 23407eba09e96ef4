package io.datadock.connectors.pulsar;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * Pulsar ({@link SourceType#PULSAR}, fields {@code adminUrl}, {@code serviceUrl}, {@code tenant}):
 * {@link PulsarCheck} and {@link PulsarScanner} over the admin REST API; the {@code adminUrl} is
 * where they go (the binary protocol at {@code serviceUrl} is not used).
 */
public final class PulsarFamily implements SourceFamily {

  @Override
  public String name() {
    return "pulsar";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.PULSAR, new PulsarCheck(), new PulsarScanner(), PulsarFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      return List.of(PulsarAdmin.url(connection).endpoint());
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
