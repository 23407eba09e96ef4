package io.datadock.connectors.snowflake;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.DATABASE;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.CheckSteps.ROLE;
import static io.datadock.connectors.CheckSteps.WAREHOUSE;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snowflake through its REST login ({@link SnowflakeSession}): the account's addresses decided by
 * the egress gate and reached over TCP; the login with the user's password or key pair; then the
 * session's {@code sessionInfo} against what the depot asked for: its warehouse, database and role
 * (Snowflake opens a session without a warehouse or database that does not exist or is not granted,
 * and names none).
 */
public final class SnowflakeCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SnowflakeCheck.class);

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials fromSecret, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials credentials = SnowflakeLogin.redactingKey(fromSecret);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, WAREHOUSE, DATABASE, ROLE);
    SnowflakeAccount account;
    try {
      account = SnowflakeAccount.of(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    CheckReport report =
        TcpReach.step(
                run, account.server().host(), account.server().port(), egress.gate(), deadline)
            .orElseGet(() -> afterReach(account, credentials, egress, deadline, run));
    LOG.info(
        "connection check type=snowflake server={} account={} passed={} failedStep={}",
        account.server(),
        account.account(),
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private static CheckReport afterReach(
      SnowflakeAccount account,
      Credentials credentials,
      Egress egress,
      Deadline deadline,
      CheckRun run) {
    try (SnowflakeSession session =
        SnowflakeSession.open(account, credentials, egress.gate(), deadline)) {
      run.pass(AUTHENTICATE, session.who() + " logged in to account '" + account.account() + "'");
      SnowflakeSession.Info info = session.info();
      Optional<String> problem = mismatch("warehouse", account.warehouse(), info.warehouse());
      if (problem.isPresent()) {
        return run.fail(WAREHOUSE, problem.get());
      }
      run.pass(WAREHOUSE, "warehouse '" + info.warehouse() + "' in use");
      problem = mismatch("database", account.database(), info.database());
      if (problem.isPresent()) {
        return run.fail(DATABASE, problem.get());
      }
      run.pass(DATABASE, "database '" + info.database() + "' in use");
      problem = mismatch("role", account.role(), info.role());
      if (problem.isPresent()) {
        return run.fail(ROLE, problem.get());
      }
      return run.pass(ROLE, "role '" + info.role() + "' in use").report();
    } catch (SnowflakeSession.Refused e) {
      if (SnowflakeSession.ROLE_NOT_GRANTED.equals(e.code)) {
        // the credentials were accepted: the login was refused for the role alone
        run.pass(AUTHENTICATE, "credentials accepted; the session was refused its role");
        run.skip(WAREHOUSE, "not opened: the role was refused");
        run.skip(DATABASE, "not opened: the role was refused");
        return run.fail(ROLE, e.getMessage());
      }
      return run.fail(AUTHENTICATE, e.getMessage());
    }
  }

  /**
   * Why the session's {@code actual} warehouse, database or role is not the one asked for: none (it
   * does not exist or is not granted to the role), or another (the name asked for resolved to
   * another object). Unquoted names are upper case in Snowflake: the comparison ignores case.
   */
  static Optional<String> mismatch(String what, String asked, String actual) {
    String bare = asked.startsWith("\"") ? asked.substring(1, asked.length() - 1) : asked;
    if (actual == null) {
      return Optional.of(
          what + " '" + asked + "' does not exist or is not granted to the session's role");
    }
    if (!actual.equalsIgnoreCase(bare)) {
      return Optional.of(
          what + " '" + asked + "' was not opened: the session has " + what + " '" + actual + "'");
    }
    return Optional.empty();
  }
}
