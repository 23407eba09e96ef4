package io.datadock.connectors.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * A JDBC family's vendor error codes ({@link SQLException#getErrorCode()}) by what they mean, and
 * the classification of a refused login: by SQLState first (class 28, 42501, 3D000), then by these
 * codes, through the chain of next and cause exceptions.
 */
record VendorCodes(Set<Integer> badCredentials, Set<Integer> noAccess, Set<Integer> unknown) {

  static final VendorCodes NONE = new VendorCodes(Set.of(), Set.of(), Set.of());

  private static final int MAX_DEPTH = 10;

  LoginFailure classify(SQLException error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql.getErrorCode();
        if (state.startsWith("28") || badCredentials.contains(code)) {
          return LoginFailure.BAD_CREDENTIALS;
        }
        if (state.equals("42501") || noAccess.contains(code)) {
          return LoginFailure.NO_ACCESS;
        }
        if (state.equals("3D000") || unknown.contains(code)) {
          return LoginFailure.UNKNOWN_DATABASE;
        }
      }
    }
    return LoginFailure.OTHER;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return t.getCause();
  }
}
