package io.datadock.connectors.scan.jdbc;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Runs the bulk catalog reads of one scan on an open connection, each within the time left. A
 * failed read is recorded as an error and the scan goes on with the next; once the time is up, no
 * further read starts. Rows are turned into values on the worker thread and handed over whole, so a
 * read abandoned at the deadline never touches the scan's state.
 */
final class CatalogReader {

  /** Opens the result set of one read. */
  interface Source {
    ResultSet open(Connection connection) throws SQLException;
  }

  /** One row as a value. */
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Deadline deadline;
  private final Credentials credentials;
  private final List<String> errors = new ArrayList<>();
  private boolean timedOut;

  CatalogReader(Connection connection, Deadline deadline, Credentials credentials) {
    this.connection = connection;
    this.deadline = deadline;
    this.credentials = credentials;
  }

  /** The rows of one SQL query, or empty when it failed (and the error is recorded). */
  <T> Optional<List<T>> query(String what, String sql, Row<T> row) {
    return read(
        what,
        c -> {
          Statement statement = c.createStatement();
          statement.setQueryTimeout(deadline.remainingSeconds());
          statement.closeOnCompletion();
          return statement.executeQuery(sql);
        },
        row);
  }

  /** The rows of one read, or empty when it failed (and the error is recorded). */
  <T> Optional<List<T>> read(String what, Source source, Row<T> row) {
    if (timedOut) {
      return Optional.empty();
    }
    if (deadline.expired()) {
      return timeUp(what);
    }
    try {
      return Optional.of(
          deadline.call(
              () -> {
                List<T> rows = new ArrayList<>();
                try (ResultSet results = source.open(connection)) {
                  while (results.next()) {
                    rows.add(row.read(results));
                  }
                }
                return rows;
              },
              late -> {}));
    } catch (TimeoutException e) {
      return timeUp(what);
    } catch (Exception e) {
      if (deadline.expired()) {
        // the driver failed because the read was cut off at the deadline, not for its own reason
        return timeUp(what);
      }
      errors.add("cannot read " + what + ": " + SafeMessages.of(e, credentials));
      return Optional.empty();
    }
  }

  List<String> errors() {
    return errors;
  }

  /** True once a read ran out of time. */
  boolean timedOut() {
    return timedOut;
  }

  private <T> Optional<T> timeUp(String what) {
    timedOut = true;
    errors.add("no answer within " + deadline.describe() + " while reading " + what);
    return Optional.empty();
  }
}
