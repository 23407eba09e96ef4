package io.datadock.secret.lifecycle;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SealingKeyNotHeldException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretCommand;

/** The {@code command.results} record of a decided secret command: accepted or rejected. */
final class SecretResults {

  private SecretResults() {}

  /**
   * The status of a re-sealing's reply: the secret is as it was (active), its payload sealed anew.
   * Not a resource status: it appears only on {@code command.results}.
   */
  static final String RESEALED = "resealed";

  /** An accepted command, the secret {@link ResourceStatus#ACTIVE active}. */
  static CommandResult accepted(
      SecretCommand command, Outcome outcome, long version, long generation) {
    return accepted(command, outcome, version, generation, ResourceStatus.ACTIVE);
  }

  /** An accepted command with the status it leaves the secret in ({@code deleted}). */
  static CommandResult accepted(
      SecretCommand command,
      Outcome outcome,
      long version,
      long generation,
      ResourceStatus status) {
    return accepted(command, outcome, version, generation, status.wireName());
  }

  /** An accepted re-sealing: unchanged, {@link #RESEALED}. */
  static CommandResult resealed(SecretCommand command, long version, long generation) {
    return accepted(command, Outcome.UNCHANGED, version, generation, RESEALED);
  }

  private static CommandResult accepted(
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

  /**
   * Sealed data secret-service cannot open, at {@code secret.data}: sealed to a key it does not
   * hold (the data may be fine: re-applying seals it to a current key), else invalid.
   */
  static CommandResult unopenable(SecretCommand command, SealingException e) {
    if (e instanceof SealingKeyNotHeldException notHeld) {
      return rejected(
          command,
          ErrorCode.SEALING_KEY_NOT_HELD,
          "secret.data is sealed to key '"
              + notHeld.keyId()
              + "', which secret-service does not hold (lost, retired, or announced in error);"
              + " re-apply the secret so that it is sealed to a current key",
          "secret.data");
    }
    return rejected(
        command,
        ErrorCode.INVALID,
        "sealed secret data cannot be opened: " + e.getMessage(),
        "secret.data");
  }
}
