package io.datadock.connectors.objectstore.gcs;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.objectstore.ListingScanner;
import io.datadock.connectors.objectstore.StoreScan;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import io.datadock.connectors.scan.objectstore.ObjectStoreScanner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog of a GCS depot: its bucket under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link GcsObjects} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe and its login ({@link GcsApi#login}).
 */
public final class GcsScanner implements ListingScanner {

  private static final Logger LOG = LoggerFactory.getLogger(GcsScanner.class);

  private final int objectBudget;

  public GcsScanner(int objectBudget) {
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
    Credentials redacting =
        ServiceAccount.redacting(credentials == null ? Credentials.none() : credentials);
    GcsLocation location;
    try {
      location = GcsLocation.of(connection);
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    ScanResult result =
        StoreScan.run(
            target(location, redacting, egress, deadline),
            connection,
            redacting,
            filter,
            deadline,
            egress,
            options);
    LOG.info(
        "metadata scan type=gcs bucket={} prefix={} datasets={} complete={} errors={} millis={}",
        location.bucket(),
        location.prefix(),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private static StoreScan.Target target(
      GcsLocation location, Credentials credentials, Egress egress, Deadline deadline) {
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
