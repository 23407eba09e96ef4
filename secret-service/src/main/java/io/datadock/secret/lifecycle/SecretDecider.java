package io.datadock.secret.lifecycle;

import io.datadock.core.crypto.SealingException;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.Ownership;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEventType;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.reference.ReferenceDecider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secret lifecycle as a pure function: current state + command → decision. No Kafka types, no
 * clock, no randomness: times come from the command and versions from the caller, so replaying the
 * same commands yields the same decisions (which is what lets the gateway read replies before the
 * exactly-once transaction commits). The records it decides on are built by {@link SecretEvents},
 * {@link SecretResults} and {@link SecretResourceStates}; "the same spec" is {@link
 * SpecComparison}'s.
 */
public final class SecretDecider {

  private final PayloadOpener opener;
  private final SpecComparison specs;

  public SecretDecider(PayloadOpener opener) {
    this.opener = opener;
    this.specs = new SpecComparison(opener);
  }

  /**
   * @param current the stored state, or null when the secret does not exist
   * @param command the command to decide
   * @param nextVersion the resourceVersion a change made by this command gets (strictly greater
   *     than any earlier version of this resource)
   */
  public SecretDecision decide(SecretState current, SecretCommand command, long nextVersion) {
    if (current != null && command.getAction() != SecretAction.RESEAL) {
      Optional<String> refused =
          Ownership.refusal(
              current.getSpec().getKind(),
              current.getSpec().getName(),
              current.getSpec().getOwner(),
              command.getIssuedBy(),
              command.getMayWriteOthers());
      if (refused.isPresent()) {
        return rejected(command, ErrorCode.FORBIDDEN, refused.get(), null);
      }
    }
    return switch (command.getAction()) {
      case DELETE -> delete(current, command, nextVersion);
      case RESEAL -> reseal(current, command);
      case APPLY -> apply(current, command, nextVersion);
    };
  }

  public static byte[] associatedData(String resourceKey) {
    return resourceKey.getBytes(StandardCharsets.UTF_8);
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
      return SecretDecision.rejected(SecretResults.unopenable(command, e));
    }
    SecretSpec resealed =
        SecretSpec.newBuilder(current.getSpec()).setSealed(command.getSpec().getSealed()).build();
    return SecretDecision.resealed(
        SecretState.newBuilder(current).setSpec(resealed).build(),
        SecretResults.resealed(command, current.getResourceVersion(), current.getGeneration()));
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
      return SecretDecision.rejected(SecretResults.unopenable(command, e));
    }
    if (!SpecComparison.keysMatch(spec, SecretPayloads.decode(plaintext))) {
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
    if (specs.same(current.getSpec(), spec, plaintext, aad)) {
      return SecretDecision.unchanged(
          current.getResourceVersion(),
          SecretResults.accepted(
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
    SecretSpec spec = current.getSpec();
    return SecretDecision.deleted(
            SecretEvents.of(
                command,
                spec,
                SecretEventType.SECRET_DELETED,
                nextVersion,
                current.getGeneration()),
            nextVersion,
            SecretResults.accepted(
                command,
                Outcome.DELETED,
                nextVersion,
                current.getGeneration(),
                ResourceStatus.DELETED))
        .withNotices(
            ReferenceDecider.notices(
                command.getResourceKey(),
                dependents,
                ReferenceReplyType.SECRET_DELETED,
                spec.getKind()
                    + " '"
                    + spec.getName()
                    + "' was deleted (forced by "
                    + command.getIssuedBy()
                    + ")",
                command.getIssuedAt(),
                null));
  }

  private static SecretDecision changed(
      SecretCommand command, SecretState state, Outcome outcome, SecretEventType eventType) {
    long version = state.getResourceVersion();
    return SecretDecision.changed(
        state,
        SecretEvents.of(command, state.getSpec(), eventType, version, state.getGeneration()),
        SecretResourceStates.of(command.getResourceKey(), state),
        SecretResults.accepted(command, outcome, version, state.getGeneration()));
  }

  private static SecretDecision rejected(
      SecretCommand command, ErrorCode code, String message, String field) {
    return SecretDecision.rejected(SecretResults.rejected(command, code, message, field));
  }
}
