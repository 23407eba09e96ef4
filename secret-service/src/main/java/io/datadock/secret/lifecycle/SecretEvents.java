package io.datadock.secret.lifecycle;

import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretEventType;
import io.datadock.schemas.secret.SecretSpec;

/** The {@code secret.events} record of a decided command: names and metadata, never a value. */
final class SecretEvents {

  private SecretEvents() {}

  /** The event of {@code command} about {@code spec}; its id is the command's. */
  static SecretEvent of(
      SecretCommand command, SecretSpec spec, SecretEventType type, long version, long generation) {
    return SecretEvent.newBuilder()
        .setEventId(command.getCommandId())
        .setType(type)
        .setResourceKey(command.getResourceKey())
        .setTenant(spec.getTenant())
        .setWorkspace(spec.getWorkspace())
        .setName(spec.getName())
        .setKind(spec.getKind())
        .setManifestVersion(spec.getManifestVersion())
        .setSecretType(spec.getSecretType())
        .setAcl(spec.getAcl())
        .setDataKeys(spec.getDataKeys())
        .setFileKeys(spec.getFileKeys())
        .setResourceVersion(version)
        .setGeneration(generation)
        .setActor(command.getIssuedBy())
        .setOccurredAt(command.getIssuedAt())
        .build();
  }
}
