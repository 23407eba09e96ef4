package io.datadock.connectors.objectstore.azure;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.StoreScan;
import io.datadock.connectors.objectstore.StoreScanner;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import io.datadock.core.manifest.depot.SourceType;

/**
 * The catalog of an abfss or wasbs depot: its container under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link AzureBlobs} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe, with the check's client ({@link AzureClients}, the egress
 * gate deciding every host).
 */
public final class AzureScanner extends StoreScanner {

  private final SourceType type;

  public AzureScanner(SourceType type, int objectBudget) {
    super(objectBudget);
    this.type = type;
  }

  @Override
  protected StoreScan.Target target(
      SourceConnection connection, Credentials credentials, Egress egress, Deadline deadline) {
    AzureLocation location = AzureLocation.of(type, connection);
    AzureClients.Access access = AzureClients.access(credentials, location);
    return new StoreScan.Target(
        location.host(),
        location.port(),
        location.prefix(),
        location.describe(),
        scan -> {
          try (AzureClients.Container container =
              AzureClients.open(location, access, egress.gate(), deadline)) {
            return scan.apply(
                new AzureBlobs(container.client(), location, access, credentials, deadline));
          }
        });
  }
}
