package io.datadock.connectors.snowflake;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.DATABASE;
import static io.datadock.connectors.CheckSteps.REACH;
import static io.datadock.connectors.CheckSteps.ROLE;
import static io.datadock.connectors.CheckSteps.WAREHOUSE;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.ReachedCheck;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import java.util.Optional;

/**
 * Snowflake through its REST login ({@link SnowflakeSession}): the account's addresses decided by
 * the egress gate and reached over TCP; the login with the user's password or key pair; then the
 * session's {@code sessionInfo} against what the depot asked for: its warehouse, database and role
 * (Snowflake opens a session without a warehouse or database that does not exist or is not granted,
 * and names none).
 */
public final class SnowflakeCheck extends ReachedCheck<SnowflakeAccount> {

  @Override
  protected String[] plan() {
    return new String[] {REACH, AUTHENTICATE, WAREHOUSE, DATABASE, ROLE};
  }

  @Override
  protected SnowflakeAccount locate(SourceConnection connection) {
    return SnowflakeAccount.of(connection);
  }

  @Override
  protected Credentials credentials(Credentials fromSecret) {
    return SnowflakeLogin.redactingKey(fromSecret);
  }

  @Override
  protected CheckReport afterReach(
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
