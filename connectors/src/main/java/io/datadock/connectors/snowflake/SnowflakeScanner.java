package io.datadock.connectors.snowflake;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables and views of a Snowflake depot's database, through its information schema ({@link
 * SnowflakeColumns}) in a session opened as the check opens it; a schema is a collection. At most
 * {@value #MAX_ROWS} columns are read: beyond, the scan is partial and says so.
 */
public final class SnowflakeScanner implements MetadataScanner {

  static final int MAX_ROWS = 100_000;

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials fromSecret,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials credentials =
        SnowflakeLogin.redactingKey(fromSecret == null ? Credentials.none() : fromSecret);
    SnowflakeAccount account;
    try {
      account = SnowflakeAccount.of(connection);
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    Optional<String> unreachable =
        TcpReach.problem(account.server().host(), account.server().port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return ScanResult.failure(unreachable.get());
    }
    try (SnowflakeSession session =
        SnowflakeSession.open(account, credentials, egress.gate(), deadline)) {
      String database = session.info().database();
      if (database == null) {
        return ScanResult.failure(
            "database '" + account.database() + "' does not exist or is not granted");
      }
      return read(session, database, credentials, filter == null ? ScanFilter.all() : filter);
    } catch (SnowflakeSession.Refused e) {
      return ScanResult.failure(e.getMessage());
    }
  }

  private static ScanResult read(
      SnowflakeSession session, String database, Credentials credentials, ScanFilter filter) {
    List<List<String>> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try {
      List<List<String>> page;
      do {
        page = session.query(SnowflakeColumns.page(database, rows.size()));
        rows.addAll(page);
      } while (page.size() == SnowflakeColumns.PAGE && rows.size() < MAX_ROWS);
      if (page.size() == SnowflakeColumns.PAGE) {
        errors.add(
            "more than " + MAX_ROWS + " columns in database '" + database + "': not all read");
      }
    } catch (IllegalStateException e) {
      errors.add(e.getMessage());
    } catch (Exception e) {
      errors.add(session.describe(e, credentials));
    }
    return new ScanResult(SnowflakeColumns.datasets(rows, filter), errors, errors.isEmpty());
  }
}
