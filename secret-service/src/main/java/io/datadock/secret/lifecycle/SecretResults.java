package io.datadock.secret.lifecycle;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.error.ErrorCode;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretCommand;

/** The {@code command.results} record of a decided secret command: accepted or rejected. */
final class SecretResults {

  private SecretResults() {}

  /** An accepted command, the secret {@link SecretDecider#STATUS_ACTIVE}. */
  static CommandResult accepted(
      SecretCommand command, Outcome outcome, long version, long generation) {
    return accepted(command, outcome, version, generation, SecretDecider.STATUS_ACTIVE);
  }

  /** An accepted command with the status it leaves ("resealed", "deleted"). */
  static CommandResult accepted(
      SecretCommand command, Outcome outcome, long version, long generation, String status) {
    return CommandResult.newBuilder()
        .setCommandId(command.getCommandId())
        .setResourceKey(command.getResourceKey())
        .setOutcome(outcome)
        .setStatus(status)
        .setResourceVersion(version)
        .setGeneration(generation)
        .setProcessedAt(command.getIssuedAt())
        .build();
  }

  /**
   * @param field the manifest field at fault, or null
   */
  static CommandResult rejected(
      SecretCommand command, ErrorCode code, String message, String field) {
    return CommandResult.newBuilder()
        .setCommandId(command.getCommandId())
        .setResourceKey(command.getResourceKey())
        .setOutcome(Outcome.REJECTED)
        .setErrorCode(code.code())
        .setMessage(message)
        .setField(field)
        .setProcessedAt(command.getIssuedAt())
        .build();
  }

  /** Sealed data secret-service cannot open: invalid, at {@code secret.data}. */
  static CommandResult unopenable(SecretCommand command, SealingException e) {
    return rejected(
        command,
        ErrorCode.INVALID,
        "sealed secret data cannot be opened: " + e.getMessage(),
        "secret.data");
  }
}
