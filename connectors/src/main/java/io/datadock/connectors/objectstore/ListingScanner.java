package io.datadock.connectors.objectstore;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;

/**
 * A scanner that lists a store's objects. It implements the scan within the caller's {@link
 * ScanOptions} (the depot's budget, a progress listener); a caller giving none gets the budget the
 * scanner was built with.
 */
public interface ListingScanner extends MetadataScanner {

  /** Objects a scan lists at most when its caller gives no {@link ScanOptions}. */
  int objectBudget();

  @Override
  default ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    return scan(
        connection, credentials, filter, timeout, egress, ScanOptions.budget(objectBudget()));
  }
}
