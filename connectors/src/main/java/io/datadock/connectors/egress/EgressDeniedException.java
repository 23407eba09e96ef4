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

  /** The first egress denial in a cause chain (drivers wrap it), or null. */
  public static EgressDeniedException in(Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 12; depth++) {
      if (t instanceof EgressDeniedException denied) {
        return denied;
      }
      Throwable next =
          t instanceof java.sql.SQLException sql
                  && sql.getNextException() != null
                  && t.getCause() == null
              ? sql.getNextException()
              : t.getCause();
      t = next;
    }
    return null;
  }
}
