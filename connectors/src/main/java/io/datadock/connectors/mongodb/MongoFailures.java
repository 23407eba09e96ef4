package io.datadock.connectors.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressDeniedException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** What a failed MongoDB call means, as a step's message; never the driver's whole text. */
final class MongoFailures {

  /** The server's code for a refused login. */
  static final int AUTHENTICATION_FAILED = 18;

  static final int UNAUTHORIZED = 13;

  private MongoFailures() {}

  static boolean isLogin(Throwable error) {
    return error instanceof MongoSecurityException
        || (error instanceof MongoCommandException command
            && command.getErrorCode() == AUTHENTICATION_FAILED);
  }

  static boolean isUnauthorized(Throwable error) {
    return error instanceof MongoCommandException command && command.getErrorCode() == UNAUTHORIZED;
  }

  /**
   * Why talking to {@code node} failed: the monitor's failure when there is one (the operation's
   * own error is then only that the client was closed), an egress denial, TLS, a timeout, or the
   * cause.
   */
  static String describe(
      Throwable error,
      Optional<Throwable> monitorFailure,
      Endpoint node,
      Deadline deadline,
      Credentials credentials) {
    Throwable reason = monitorFailure.orElse(error);
    Optional<String> denied = EgressDeniedException.messageIn(reason);
    if (denied.isPresent()) {
      return denied.get();
    }
    Optional<SSLException> tls = find(reason, SSLException.class);
    if (tls.isPresent()) {
      return "TLS handshake with " + node + " failed: " + SafeMessages.of(tls.get(), credentials);
    }
    if (reason instanceof MongoSocketReadTimeoutException
        || reason instanceof MongoTimeoutException
        || reason instanceof MongoOperationTimeoutException
        || reason instanceof TimeoutException) {
      return "no answer from " + node + " within " + deadline.describe();
    }
    Throwable cause = reason.getCause() == null ? reason : reason.getCause();
    return "cannot talk to " + node + ": " + SafeMessages.of(cause, credentials);
  }

  private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < 12; depth++) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      t = t.getCause();
    }
    return Optional.empty();
  }
}
