package io.datadock.connectors.objectstore;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanOptions;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An object store's scanner: each store says where the depot's objects are and how to open its
 * client ({@link #target}); the scan itself is {@link StoreScan}'s, the same for every store, and
 * ends in one log line.
 */
public abstract class StoreScanner implements ListingScanner {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final int objectBudget;

  protected StoreScanner(int objectBudget) {
    this.objectBudget = objectBudget;
  }

  @Override
  public final int objectBudget() {
    return objectBudget;
  }

  /**
   * The depot's bucket or container and how to open its client within {@code deadline}.
   *
   * @throws IllegalArgumentException for a location or credentials the store cannot use; its
   *     message is the scan's failure, so it must name no secret
   */
  protected abstract StoreScan.Target target(
      SourceConnection connection, Credentials credentials, Egress egress, Deadline deadline);

  /** The credentials the scan works with: the secret's, or a view that redacts more of them. */
  protected Credentials credentials(Credentials fromSecret) {
    return fromSecret;
  }

  @Override
  public final ScanResult scan(
      SourceConnection connection,
      Credentials fromSecret,
      ScanFilter filter,
      Duration timeout,
      Egress egress,
      ScanOptions options) {
    Deadline deadline = Deadline.after(timeout);
    long started = System.nanoTime();
    Credentials credentials = credentials(fromSecret);
    StoreScan.Target target;
    try {
      target = target(connection, credentials, egress, deadline);
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    }
    ScanResult result =
        StoreScan.run(target, connection, credentials, filter, deadline, egress, options);
    log.info(
        "metadata scan type={} location={} datasets={} complete={} errors={} millis={}",
        connection.type(),
        target.describe(),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }
}
