package io.datadock.connectors.objectstore.s3;

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
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog of an S3 depot: its bucket under its prefix, scanned by the {@link
 * ObjectStoreScanner} over {@link S3Objects} (files, partitioned folders, Delta and Iceberg
 * tables), after the check's reach probe, with the check's client ({@link S3Clients}, the egress
 * gate deciding every host).
 */
public final class S3Scanner implements ListingScanner {

  private static final Logger LOG = LoggerFactory.getLogger(S3Scanner.class);

  private final int objectBudget;

  public S3Scanner() {
    this(ObjectStoreScanner.DEFAULT_OBJECT_BUDGET);
  }

  public S3Scanner(int objectBudget) {
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
    S3Location location;
    S3Clients.Keys keys;
    try {
      location = S3Location.of(connection);
      keys = S3Clients.keys(credentials);
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    }
    ScanResult result =
        StoreScan.run(
            target(location, keys, credentials, egress, deadline),
            connection,
            credentials,
            filter,
            deadline,
            egress,
            options);
    LOG.info(
        "metadata scan type=s3 bucket={} prefix={} datasets={} complete={} errors={} millis={}",
        location.bucket(),
        location.prefix(),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private static StoreScan.Target target(
      S3Location location,
      S3Clients.Keys keys,
      Credentials credentials,
      Egress egress,
      Deadline deadline) {
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
