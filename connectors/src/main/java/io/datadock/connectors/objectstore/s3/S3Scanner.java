package io.datadock.connectors.objectstore.s3;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.StoreScan;
import io.datadock.connectors.objectstore.StoreScanner;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog of an S3 depot: its bucket under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link S3Objects} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe, with the check's client ({@link S3Clients}, the egress
 * gate deciding every host).
 */
public final class S3Scanner extends StoreScanner {

  public S3Scanner() {
    this(ObjectStoreScanner.DEFAULT_OBJECT_BUDGET);
  }

  public S3Scanner(int objectBudget) {
    super(objectBudget);
  }

  @Override
  protected StoreScan.Target target(
      SourceConnection connection, Credentials credentials, Egress egress, Deadline deadline) {
    S3Location location = S3Location.of(connection);
    S3Clients.Keys keys = S3Clients.keys(credentials);
    return new StoreScan.Target(
        location.host(),
        location.port(),
        location.prefix(),
        location.describe(),
        scan -> {
          try (S3Client s3 =
              S3Clients.client(location, keys, egress.gate(), deadline.remaining())) {
            return scan.apply(new S3Objects(s3, location, credentials, deadline));
          }
        });
  }
}
