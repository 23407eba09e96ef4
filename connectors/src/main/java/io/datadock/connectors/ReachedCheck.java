package io.datadock.connectors;

import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.egress.Egress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preamble every check of one server shares: the connection's {@link Reachable} target (a field
 * it cannot use fails {@code reach host} with the field's message), {@code reach host} (the
 * target's addresses decided by the egress gate, then a TCP connect), then the check's own steps
 * ({@link #afterReach}), all within one deadline; one log line at the end.
 */
public abstract class ReachedCheck<T extends Reachable> implements ConnectionCheck {

  private final Logger log = LoggerFactory.getLogger(getClass());

  /** The steps in order, {@code reach host} first. */
  protected abstract String[] plan();

  /**
   * The connection's target.
   *
   * @throws IllegalArgumentException for fields the check cannot use ({@link UnsafeConnectionField}
   *     among them): the check fails at {@code reach host} with its message
   */
  protected abstract T locate(SourceConnection connection);

  /** The steps after the reach. */
  protected abstract CheckReport afterReach(
      T target, Credentials credentials, Egress egress, Deadline deadline, CheckRun run);

  /** The credentials the check works with: the secret's, or a view that redacts more of them. */
  protected Credentials credentials(Credentials fromSecret) {
    return fromSecret;
  }

  @Override
  public final CheckReport check(
      SourceConnection connection, Credentials fromSecret, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials credentials = credentials(fromSecret);
    CheckRun run = new CheckRun(credentials, plan());
    T target;
    try {
      target = locate(connection);
    } catch (IllegalArgumentException e) {
      return run.fail(REACH, e.getMessage());
    }
    CheckReport report =
        TcpReach.step(run, target.host(), target.port(), egress.gate(), deadline)
            .orElseGet(() -> afterReach(target, credentials, egress, deadline, run));
    log.info(
        "connection check type={} target={} passed={} failedStep={}",
        connection.type(),
        target.describe(),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }
}
