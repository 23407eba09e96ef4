package io.datadock.connectors.objectstore.azure;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.ListingScanner;
import io.datadock.connectors.objectstore.StoreScan;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of an abfss or wasbs depot: its container under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link AzureBlobs} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe, with the check's client ({@link AzureClients}, the egress
 * gate deciding every host).
 */
public final class AzureScanner implements ListingScanner {

  private static final Logger LOG = LoggerFactory.getLogger(AzureScanner.class);

  private final SourceType type;
  private final int objectBudget;

  public AzureScanner(SourceType type, int objectBudget) {
    this.type = type;
    this.objectBudget = objectBudget;
  }

  @Override
  public int objectBudget() {
    return objectBudget;
  }

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress,
      ScanOptions options) {
    Deadline deadline = Deadline.after(timeout);
    long started = System.nanoTime();
    AzureLocation location;
    AzureClients.Access access;
    try {
      location = AzureLocation.of(type, connection);
      access = AzureClients.access(credentials, location);
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    }
    StoreScan.Target target =
        new StoreScan.Target(
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
    ScanResult result =
        StoreScan.run(target, connection, credentials, filter, deadline, egress, options);
    LOG.info(
        "metadata scan type={} account={} container={} prefix={} datasets={} complete={}"
            + " errors={} millis={}",
        type.canonical(),
        location.account(),
        location.container(),
        location.prefix(),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }
}
