package io.datadock.connectors.objectstore.azure;

import com.azure.storage.blob.models.BlobStorageException;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.egress.EgressDeniedException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What an Azure Storage failure means, as a step's message: by the service's error code ({@code
 * x-ms-error-code}) where it sent one. Never the exception's own message, which can quote the
 * request.
 */
final class AzureErrors {

  /**
   * Codes that mean the request's signature or token was not accepted. Azure answers a wrong key or
   * SAS signature with {@code AuthenticationFailed}; Azurite with {@code AuthorizationFailure},
   * which Azure also uses for an account's network rules: both are refused credentials here.
   */
  static final Set<String> LOGIN =
      Set.of(
          "AuthenticationFailed",
          "AuthorizationFailure",
          "InvalidAuthenticationInfo",
          "NoAuthenticationInformation",
          "KeyBasedAuthenticationNotPermitted");

  private AzureErrors() {}

  /** The service's error code, when the failure is an answer from the service. */
  static Optional<String> code(Throwable error) {
    if (error instanceof BlobStorageException storage && storage.getErrorCode() != null) {
      return Optional.of(storage.getErrorCode().toString());
    }
    return Optional.empty();
  }

  static int status(Throwable error) {
    return error instanceof BlobStorageException storage ? storage.getStatusCode() : 0;
  }

  static boolean isLogin(Throwable error) {
    return code(error).filter(LOGIN::contains).isPresent();
  }

  /** Why the credentials were refused, in words. */
  static String loginProblem(Throwable error, AzureClients.Access access, AzureLocation location) {
    String code = code(error).orElse("?");
    return switch (code) {
      case "AuthenticationFailed", "AuthorizationFailure" ->
          access.byKey()
              ? "the account key does not match account '" + location.account() + "' (" + code + ")"
              : "the SAS token was refused: a wrong signature, expired, or not for this account ("
                  + code
                  + ")";
      case "KeyBasedAuthenticationNotPermitted" ->
          "the account does not allow account keys (KeyBasedAuthenticationNotPermitted)";
      default -> access.describe() + " was refused (" + code + ")";
    };
  }

  /**
   * Any other failure: an egress denial, a timeout, the service's code and status, or the cause.
   */
  static String describe(Throwable error, Deadline deadline, Credentials credentials) {
    Optional<String> denied = EgressDeniedException.messageIn(error);
    if (denied.isPresent()) {
      return denied.get();
    }
    if (deadline.expired() || causedBy(error, TimeoutException.class)) {
      return "no answer within " + deadline.describe();
    }
    if (error instanceof BlobStorageException storage) {
      return code(error)
          .map(code -> code + " (HTTP " + storage.getStatusCode() + ")")
          .orElse(
              "HTTP "
                  + storage.getStatusCode()
                  + " without a storage error code: is the endpoint Azure Blob Storage?");
    }
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return SafeMessages.of(cause, credentials);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
