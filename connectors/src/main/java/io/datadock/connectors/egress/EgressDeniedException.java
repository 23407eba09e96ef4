package io.datadock.connectors.egress;

import java.net.ConnectException;

/**
 * A connection the egress policy refused, thrown by the checking socket factories; its message is
 * the policy's ({@code egress denied: ...}). A {@link ConnectException} so drivers treat it as a
 * failed connect, and callers find it in the cause chain.
 */
public final class EgressDeniedException extends ConnectException {

  public EgressDeniedException(String message) {
    super(message);
  }

  /**
   * The egress message of the first denial in a cause chain, if any. Some drivers keep the cause
   * (pgjdbc, MariaDB); SQL Server copies only its message into its own, so a message quoting a
   * denial counts too.
   */
  public static java.util.Optional<String> messageIn(Throwable error) {
    Throwable t = error;
    String quoted = null;
    for (int depth = 0; t != null && depth < 12; depth++) {
      if (t instanceof EgressDeniedException denied) {
        return java.util.Optional.of(denied.getMessage());
      }
      String message = t.getMessage();
      int at = message == null ? -1 : message.indexOf(EgressDecision.DENIED);
      if (quoted == null && at >= 0) {
        String rest = message.substring(at);
        int end = rest.length();
        for (String stop : new String[] {". ", "\"", "\n"}) {
          int i = rest.indexOf(stop);
          if (i >= 0 && i < end) {
            end = i;
          }
        }
        quoted = rest.substring(0, end);
      }
      t =
          t instanceof java.sql.SQLException sql
                  && sql.getNextException() != null
                  && t.getCause() == null
              ? sql.getNextException()
              : t.getCause();
    }
    return java.util.Optional.ofNullable(quoted);
  }
}
