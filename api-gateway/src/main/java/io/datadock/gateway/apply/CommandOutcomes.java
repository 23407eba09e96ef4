package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceKey;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.util.Locale;

/**
 * What a service's reply to a command, or a command that got none, means for one document: a
 * rejection carries the service's error code, message and field; a failure to send or to hear back
 * is the {@link DatadockException} it carries (TIMEOUT, UNAVAILABLE), anything else an INTERNAL
 * error that names only the exception's class.
 */
final class CommandOutcomes {

  /**
   * The status (and outcome) of a command the gateway published without awaiting the service's
   * reply ({@code DATADOCK_REPLY_MODE=BROKER_ACK}): not a resource status, the resource's is not
   * known.
   */
  static final String ACCEPTED = "accepted";

  private CommandOutcomes() {}

  /** An apply's reply: its outcome ({@code created}, {@code unchanged}, ...) or its rejection. */
  static DocumentResult applied(ResourceKey key, String version, CommandResult result) {
    DatadockException error = rejection(result);
    if (error != null) {
      return DocumentResult.failure(key, version, error);
    }
    String outcome =
        ACCEPTED.equals(result.getStatus())
            ? ACCEPTED
            : result.getOutcome().name().toLowerCase(Locale.ROOT);
    return DocumentResult.success(
        key, version, outcome, result.getStatus(), result.getResourceVersion());
  }

  /** A delete's reply: {@code deleted}, or its rejection (NOT_FOUND, DEPENDENCY). */
  static DocumentResult deleted(ResourceKey key, String version, CommandResult result) {
    DatadockException error = rejection(result);
    return error != null
        ? DocumentResult.failure(key, version, error)
        : DocumentResult.success(
            key, version, "deleted", result.getStatus(), result.getResourceVersion());
  }

  /** A command that failed before or instead of a reply. */
  static DocumentResult failed(ResourceKey key, String version, Throwable e) {
    return DocumentResult.failure(key, version, unwrap(e));
  }

  /** The service's refusal, or null when the command was not rejected. */
  static DatadockException rejection(CommandResult result) {
    if (result.getOutcome() != Outcome.REJECTED) {
      return null;
    }
    return new DatadockException(
        ErrorCode.fromCode(result.getErrorCode()), result.getMessage(), result.getField());
  }

  static DatadockException unwrap(Throwable e) {
    Throwable t = e;
    while (!(t instanceof DatadockException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof DatadockException d
        ? d
        : new DatadockException(
            ErrorCode.INTERNAL, "the command failed: " + t.getClass().getSimpleName());
  }
}
