package io.datadock.connectors.objectstore.gcs;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.ServiceAccount;
import io.datadock.connectors.objectstore.StoreScan;
import io.datadock.connectors.objectstore.StoreScanner;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;

/**
 * The catalog of a GCS depot: its bucket under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link GcsObjects} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe and its login ({@link GcsApi#login}).
 */
public final class GcsScanner extends StoreScanner {

  public GcsScanner(int objectBudget) {
    super(objectBudget);
  }

  /** The key file's PEM and each of its lines are redacted from every message, too. */
  @Override
  protected Credentials credentials(Credentials fromSecret) {
    return ServiceAccount.redacting(fromSecret == null ? Credentials.none() : fromSecret);
  }

  @Override
  protected StoreScan.Target target(
      SourceConnection connection, Credentials credentials, Egress egress, Deadline deadline) {
    GcsLocation location = GcsLocation.of(connection);
    return new StoreScan.Target(
        location.host(),
        location.port(),
        location.prefix(),
        location.describe(),
        scan -> {
          try (GoogleSession session =
              GcsApi.login(location, credentials, egress.gate(), deadline)) {
            return scan.apply(new GcsObjects(session, location, credentials));
          }
        });
  }
}
