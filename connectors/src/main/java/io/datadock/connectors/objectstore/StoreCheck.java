package io.datadock.connectors.objectstore;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.BUCKET;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.egress.Egress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An object store's live check, the same four steps for every store: {@code reach host} (the
 * location's addresses decided by the egress gate, then a TCP connect), then the store's own {@code
 * authenticate}, {@code open bucket} and {@code list collections} ({@link #afterReach}), all within
 * one deadline; one log line at the end.
 */
public abstract class StoreCheck<L extends StoreLocation> implements ConnectionCheck {

  private final Logger log = LoggerFactory.getLogger(getClass());

  /**
   * The depot's location.
   *
   * @throws IllegalArgumentException for fields the store cannot use: the check fails at {@code
   *     reach host} with its message
   */
  protected abstract L locate(SourceConnection connection);

  /** The steps after the reach: {@code authenticate}, {@code open bucket}, {@code list}. */
  protected abstract CheckReport afterReach(
      L location, Credentials credentials, Egress egress, Deadline deadline, CheckRun run);

  /** The credentials the check works with: the secret's, or a view that redacts more of them. */
  protected Credentials credentials(Credentials fromSecret) {
    return fromSecret;
  }

  @Override
  public final CheckReport check(
      SourceConnection connection, Credentials fromSecret, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials credentials = credentials(fromSecret);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, BUCKET, LIST);
    L location;
    try {
      location = locate(connection);
    } catch (IllegalArgumentException e) {
      return run.fail(REACH, e.getMessage());
    }
    CheckReport report =
        TcpReach.step(run, location.host(), location.port(), egress.gate(), deadline)
            .orElseGet(() -> afterReach(location, credentials, egress, deadline, run));
    log.info(
        "connection check type={} location={} passed={} failedStep={}",
        connection.type(),
        location.describe(),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }
}
