package io.datadock.secret.lifecycle;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.core.error.ErrorCode;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretEventType;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.reference.ReferenceDecider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The secret lifecycle as a pure function: current state + command → decision. No Kafka types, no
 * clock, no randomness: times come from the command and versions from the caller, so replaying the
 * same commands yields the same decisions (which is what lets the gateway read replies before the
 * exactly-once transaction commits).
 */
public final class SecretDecider {

  public static final String STATUS_ACTIVE = "active";

  private final PayloadOpener opener;

  public SecretDecider(PayloadOpener opener) {
    this.opener = opener;
  }

  /**
   * @param current the stored state, or null when the secret does not exist
   * @param command the command to decide
   * @param nextVersion the resourceVersion a change made by this command gets (strictly greater
   *     than any earlier version of this resource)
   */
  public SecretDecision decide(SecretState current, SecretCommand command, long nextVersion) {
    return switch (command.getAction()) {
      case DELETE -> delete(current, command, nextVersion);
      case RESEAL -> reseal(current, command);
      case APPLY -> apply(current, command, nextVersion);
    };
  }

  /**
   * Key rotation: the same data sealed to a newer key replaces the stored payload. Nothing a reader
   * sees changes (no version, no event); a secret changed since it was read for re-sealing is a
   * conflict, and its newer payload stays.
   */
  private SecretDecision reseal(SecretState current, SecretCommand command) {
    if (current == null) {
      return rejected(command, ErrorCode.NOT_FOUND, "secret not found", null);
    }
    Long expected = command.getExpectedResourceVersion();
    if (command.getSpec() == null || expected == null || current.getResourceVersion() != expected) {
      return rejected(
          command,
          ErrorCode.CONFLICT,
          "the secret changed since it was read for re-sealing",
          "resourceVersion");
    }
    byte[] aad = associatedData(command.getResourceKey());
    try {
      byte[] incoming = opener.open(command.getSpec().getSealed(), aad);
      if (!SecretPayloads.sameContent(opener.open(current.getSpec().getSealed(), aad), incoming)) {
        return rejected(
            command,
            ErrorCode.CONFLICT,
            "re-sealed data differs from the stored data",
            "secret.data");
      }
    } catch (SealingException e) {
      return unopenable(command, e);
    }
    SecretSpec resealed =
        SecretSpec.newBuilder(current.getSpec()).setSealed(command.getSpec().getSealed()).build();
    SecretState state = SecretState.newBuilder(current).setSpec(resealed).build();
    CommandResult result =
        CommandResult.newBuilder(
                result(
                    command,
                    Outcome.UNCHANGED,
                    current.getResourceVersion(),
                    current.getGeneration()))
            .setStatus("resealed")
            .build();
    return new SecretDecision(
        SecretDecision.Store.PUT, state, null, null, false, current.getResourceVersion(), result);
  }

  private SecretDecision apply(SecretState current, SecretCommand command, long nextVersion) {
    SecretSpec spec = command.getSpec();
    if (spec == null) {
      return rejected(command, ErrorCode.MALFORMED, "apply command without a spec", null);
    }
    Long expected = command.getExpectedResourceVersion();
    if (expected != null && (current == null || current.getResourceVersion() != expected)) {
      String actual =
          current == null ? "none (the secret does not exist)" : "" + current.getResourceVersion();
      return rejected(
          command,
          ErrorCode.CONFLICT,
          "resourceVersion " + expected + " is not the current one: " + actual,
          "resourceVersion");
    }
    byte[] aad = associatedData(command.getResourceKey());
    byte[] plaintext;
    try {
      plaintext = opener.open(spec.getSealed(), aad);
    } catch (SealingException e) {
      return unopenable(command, e);
    }
    if (!keysMatch(spec, SecretPayloads.decode(plaintext))) {
      return rejected(
          command,
          ErrorCode.INVALID,
          "sealed secret data does not match its key names",
          "secret.data");
    }
    if (current == null) {
      SecretState created =
          SecretState.newBuilder()
              .setSpec(spec)
              .setResourceVersion(nextVersion)
              .setGeneration(1)
              .setCreatedAt(command.getIssuedAt())
              .setUpdatedAt(command.getIssuedAt())
              .setDependents(new ArrayList<>())
              .build();
      return changed(command, created, Outcome.CREATED, SecretEventType.SECRET_CREATED);
    }
    if (sameSpec(current.getSpec(), spec, plaintext, aad)) {
      return new SecretDecision(
          SecretDecision.Store.KEEP,
          null,
          null,
          null,
          false,
          current.getResourceVersion(),
          result(
              command, Outcome.UNCHANGED, current.getResourceVersion(), current.getGeneration()));
    }
    SecretState updated =
        SecretState.newBuilder(current)
            .setSpec(spec)
            .setResourceVersion(nextVersion)
            .setGeneration(current.getGeneration() + 1)
            .setUpdatedAt(command.getIssuedAt())
            .build();
    return changed(command, updated, Outcome.UPDATED, SecretEventType.SECRET_UPDATED)
        .withNotices(
            ReferenceDecider.notices(
                command.getResourceKey(),
                current.getDependents(),
                ReferenceReplyType.SECRET_CHANGED,
                "secret '"
                    + spec.getName()
                    + "' changed (generation "
                    + updated.getGeneration()
                    + ")",
                command.getIssuedAt(),
                updated.getGeneration()));
  }

  private SecretDecision delete(SecretState current, SecretCommand command, long nextVersion) {
    if (current == null) {
      return rejected(command, ErrorCode.NOT_FOUND, "secret not found", null);
    }
    List<String> dependents = current.getDependents();
    if (!dependents.isEmpty() && !command.getForce()) {
      return rejected(command, ErrorCode.DEPENDENCY, DependencyMessage.of(dependents), null);
    }
    SecretEvent event =
        event(
            command,
            current.getSpec(),
            SecretEventType.SECRET_DELETED,
            nextVersion,
            current.getGeneration());
    CommandResult result =
        CommandResult.newBuilder(
                result(command, Outcome.DELETED, nextVersion, current.getGeneration()))
            .setStatus("deleted")
            .build();
    return new SecretDecision(
            SecretDecision.Store.DELETE, null, event, null, true, nextVersion, result)
        .withNotices(
            ReferenceDecider.notices(
                command.getResourceKey(),
                dependents,
                ReferenceReplyType.SECRET_DELETED,
                current.getSpec().getKind()
                    + " '"
                    + current.getSpec().getName()
                    + "' was deleted (forced by "
                    + command.getIssuedBy()
                    + ")",
                command.getIssuedAt(),
                null));
  }

  private SecretDecision changed(
      SecretCommand command, SecretState state, Outcome outcome, SecretEventType eventType) {
    SecretEvent event =
        event(
            command, state.getSpec(), eventType, state.getResourceVersion(), state.getGeneration());
    ResourceState view = SecretResourceStates.of(command.getResourceKey(), state);
    return new SecretDecision(
        SecretDecision.Store.PUT,
        state,
        event,
        view,
        false,
        state.getResourceVersion(),
        result(command, outcome, state.getResourceVersion(), state.getGeneration()));
  }

  /**
   * Same spec means same metadata and same plaintext. Sealed bytes differ on every apply, so the
   * stored payload is opened and compared in constant time; no digest of a secret is ever stored.
   */
  private boolean sameSpec(
      SecretSpec stored, SecretSpec incoming, byte[] incomingPlain, byte[] aad) {
    if (!Objects.equals(stored.getSecretType(), incoming.getSecretType())
        || !Objects.equals(stored.getAcl(), incoming.getAcl())
        || !Objects.equals(stored.getDescription(), incoming.getDescription())
        || !Objects.equals(stored.getTags(), incoming.getTags())
        || !Objects.equals(stored.getOwner(), incoming.getOwner())
        || !Objects.equals(stored.getLayer(), incoming.getLayer())
        || !Objects.equals(stored.getManifestVersion(), incoming.getManifestVersion())
        || !Objects.equals(stored.getDataKeys(), incoming.getDataKeys())
        || !Objects.equals(stored.getFileKeys(), incoming.getFileKeys())) {
      return false;
    }
    try {
      return SecretPayloads.sameContent(opener.open(stored.getSealed(), aad), incomingPlain);
    } catch (SealingException e) {
      // The stored payload was sealed to a key that is gone: treat the apply as a change, which
      // re-seals the secret under a key we hold.
      return false;
    }
  }

  private static boolean keysMatch(SecretSpec spec, SecretPayloads.Decoded payload) {
    return new TreeSet<>(spec.getDataKeys()).equals(payload.data().keySet())
        && new TreeSet<>(spec.getFileKeys()).equals(payload.files().keySet());
  }

  public static byte[] associatedData(String resourceKey) {
    return resourceKey.getBytes(StandardCharsets.UTF_8);
  }

  private static SecretEvent event(
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

  private static CommandResult result(
      SecretCommand command, Outcome outcome, long version, long generation) {
    return CommandResult.newBuilder()
        .setCommandId(command.getCommandId())
        .setResourceKey(command.getResourceKey())
        .setOutcome(outcome)
        .setStatus(STATUS_ACTIVE)
        .setResourceVersion(version)
        .setGeneration(generation)
        .setProcessedAt(command.getIssuedAt())
        .build();
  }

  private static SecretDecision unopenable(SecretCommand command, SealingException e) {
    return rejected(
        command,
        ErrorCode.INVALID,
        "sealed secret data cannot be opened: " + e.getMessage(),
        "secret.data");
  }

  private static SecretDecision rejected(
      SecretCommand command, ErrorCode code, String message, String field) {
    CommandResult result =
        CommandResult.newBuilder()
            .setCommandId(command.getCommandId())
            .setResourceKey(command.getResourceKey())
            .setOutcome(Outcome.REJECTED)
            .setErrorCode(code.code())
            .setMessage(message)
            .setField(field)
            .setProcessedAt(command.getIssuedAt())
            .build();
    return new SecretDecision(SecretDecision.Store.KEEP, null, null, null, false, 0, result);
  }
}
