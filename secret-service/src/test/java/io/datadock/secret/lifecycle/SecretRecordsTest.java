package io.datadock.secret.lifecycle;

import static io.datadock.secret.lifecycle.LifecycleFixtures.command;
import static io.datadock.secret.lifecycle.LifecycleFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SealingKeyNotHeldException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link SecretEvents} and {@link SecretResults} publish for a decided command. */
class SecretRecordsTest {

  private final SecretCommand command = command(SecretAction.APPLY, spec("k-1"));

  @Test
  void anEventCarriesTheSpecsNamesAndTheCommandsActorButNoPayload() {
    SecretEvent event =
        SecretEvents.of(command, command.getSpec(), SecretEventType.SECRET_UPDATED, 7, 3);

    assertThat(event.getEventId()).isEqualTo("c-1");
    assertThat(event.getType()).isEqualTo(SecretEventType.SECRET_UPDATED);
    assertThat(event.getResourceKey()).isEqualTo("t/secret/db");
    assertThat(List.of(event.getTenant(), event.getWorkspace(), event.getName(), event.getKind()))
        .containsExactly("t", "public", "db", "secret");
    assertThat(List.of(event.getManifestVersion(), event.getSecretType(), event.getAcl()))
        .containsExactly("v2alpha", "key-value", "rw");
    assertThat(event.getDataKeys()).containsExactly("password");
    assertThat(event.getFileKeys()).containsExactly("ca.pem");
    assertThat(event.getResourceVersion()).isEqualTo(7);
    assertThat(event.getGeneration()).isEqualTo(3);
    assertThat(event.getActor()).isEqualTo("user:alice");
    assertThat(event.getOccurredAt()).isEqualTo(1_000);
  }

  @Test
  void anAcceptedCommandLeavesTheSecretActiveUnlessItSaysOtherwise() {
    CommandResult updated = SecretResults.accepted(command, Outcome.UPDATED, 7, 3);
    CommandResult deleted =
        SecretResults.accepted(command, Outcome.DELETED, 8, 3, ResourceStatus.DELETED);

    assertThat(updated.getCommandId()).isEqualTo("c-1");
    assertThat(updated.getResourceKey()).isEqualTo("t/secret/db");
    assertThat(updated.getOutcome()).isEqualTo(Outcome.UPDATED);
    assertThat(updated.getStatus()).isEqualTo("active");
    assertThat(updated.getResourceVersion()).isEqualTo(7L);
    assertThat(updated.getGeneration()).isEqualTo(3L);
    assertThat(updated.getProcessedAt()).isEqualTo(1_000);
    assertThat(updated.getErrorCode()).isNull();
    assertThat(deleted.getStatus()).isEqualTo("deleted");
  }

  @Test
  void aReSealingIsUnchangedAndSaysResealed() {
    CommandResult resealed = SecretResults.resealed(command, 7, 3);

    assertThat(resealed.getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(resealed.getStatus()).isEqualTo("resealed");
    assertThat(resealed.getResourceVersion()).isEqualTo(7L);
    assertThat(resealed.getGeneration()).isEqualTo(3L);
  }

  @Test
  void aRejectionHasACodeAMessageAFieldAndNoVersion() {
    CommandResult rejected =
        SecretResults.rejected(command, ErrorCode.CONFLICT, "changed", "resourceVersion");
    CommandResult unopenable =
        SecretResults.unopenable(command, new SealingException("no private key k-9"));

    assertThat(rejected.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(rejected.getErrorCode()).isEqualTo("conflict");
    assertThat(rejected.getMessage()).isEqualTo("changed");
    assertThat(rejected.getField()).isEqualTo("resourceVersion");
    assertThat(rejected.getResourceVersion()).isNull();
    assertThat(rejected.getStatus()).isNull();
    assertThat(unopenable.getErrorCode()).isEqualTo("invalid");
    assertThat(unopenable.getMessage())
        .isEqualTo("sealed secret data cannot be opened: no private key k-9");
    assertThat(unopenable.getField()).isEqualTo("secret.data");
  }

  @Test
  void dataSealedToAKeyNotHeldIsItsOwnRejectionNamingTheKeyAndWhatToDo() {
    CommandResult notHeld =
        SecretResults.unopenable(command, new SealingKeyNotHeldException("k-35a35c2b"));

    assertThat(notHeld.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(notHeld.getErrorCode()).isEqualTo("sealing_key_not_held");
    assertThat(ErrorCode.fromCode(notHeld.getErrorCode()))
        .isEqualTo(ErrorCode.SEALING_KEY_NOT_HELD);
    assertThat(notHeld.getMessage())
        .contains("'k-35a35c2b'")
        .contains("does not hold")
        .contains("re-apply");
    assertThat(notHeld.getField()).isEqualTo("secret.data");
  }
}
