package io.datadock.depot.lifecycle;

import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.Ownership;
import io.datadock.core.resource.ResourceKind;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.depot.saga.ReferenceRequests;
import io.datadock.depot.saga.Releases;
import io.datadock.depot.saga.Saga;
import io.datadock.schemas.common.Applier;
import io.datadock.schemas.depot.DepotAction;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Depot commands as a pure function: current state + command → decision. Applying starts a saga
 * round (reference every secret, then check the connection); deleting releases every reference. A
 * command that releases references is answered once they are released ({@link Releases}). Times
 * come from the command, versions from the caller: replays decide the same.
 */
public final class DepotDecider {

  /**
   * @param nextVersion a version greater than any this partition gave before (the command's offset
   *     + 1); the depot's own versions also grow with status changes, so the larger one is used
   */
  public DepotDecision decide(DepotState current, DepotCommand command, long nextVersion) {
    long version =
        current == null ? nextVersion : Math.max(nextVersion, current.getResourceVersion() + 1);
    if (current != null && command.getAction() != DepotAction.REVALIDATE) {
      Optional<String> refused =
          Ownership.refusal(
              ResourceKind.DEPOT.wireName(),
              current.getSpec().getName(),
              current.getSpec().getOwner(),
              command.getIssuedBy(),
              command.getMayWriteOthers());
      if (refused.isPresent()) {
        return rejected(command, ErrorCode.FORBIDDEN, refused.get(), null);
      }
    }
    if (current != null && ResourceStatus.DELETING.is(current.getStatus())) {
      return whileDeleting(current, command);
    }
    DepotDecision decided =
        switch (command.getAction()) {
          case APPLY -> apply(current, command, version);
          case DELETE -> delete(current, command, version);
          case REVALIDATE -> revalidate(current, command, version);
        };
    return command.getAwaitReleases() && command.getAction() != DepotAction.DELETE
        ? Releases.awaited(current, decided)
        : decided;
  }

  /**
   * A depot waiting for its releases before it goes: it cannot be applied again until then. A
   * second DELETE (a retry) waits with the first and sends the pending releases again; a
   * revalidation has nothing to check.
   */
  private DepotDecision whileDeleting(DepotState current, DepotCommand command) {
    return switch (command.getAction()) {
      case APPLY ->
          rejected(
              command,
              ErrorCode.CONFLICT,
              "depot '" + current.getSpec().getName() + "' is being deleted",
              null);
      case REVALIDATE ->
          DepotDecision.answer(
              result(command, Outcome.UNCHANGED, current).setStatus(current.getStatus()).build());
      case DELETE -> {
        List<CommandResult> answers = new ArrayList<>(current.getAnswers());
        answers.add(
            result(command, Outcome.DELETED, current)
                .setStatus(ResourceStatus.DELETING.wireName())
                .build());
        yield DepotDecision.bookkeeping(
            DepotState.newBuilder(current).setAnswers(answers).build(),
            List.of(),
            current.getReleases());
      }
    };
  }

  private DepotDecision apply(DepotState current, DepotCommand command, long version) {
    DepotSpec spec = command.getSpec();
    if (spec == null) {
      return rejected(command, ErrorCode.MALFORMED, "apply command without a spec", null);
    }
    Long expected = command.getExpectedResourceVersion();
    if (expected != null && (current == null || current.getResourceVersion() != expected)) {
      String actual =
          current == null ? "none (the depot does not exist)" : "" + current.getResourceVersion();
      return rejected(
          command,
          ErrorCode.CONFLICT,
          "resourceVersion " + expected + " is not the current one: " + actual,
          "resourceVersion");
    }
    long at = command.getIssuedAt();
    if (current == null) {
      DepotState created =
          DepotState.newBuilder()
              .setSpec(spec)
              .setStatus(ResourceStatus.PENDING.wireName())
              .setResourceVersion(version)
              .setGeneration(1)
              .setCreatedAt(at)
              .setUpdatedAt(at)
              .setRound(version)
              // Check ids continue from the creation version, never from 0: a check of a depot
              // deleted before under this name has an id below it, so its late result is ignored.
              .setCheckId(version)
              .setActor(command.getIssuedBy())
              .setApplier(command.getApplier())
              .build();
      return started(command, Saga.begin(created, at, "applied"), Outcome.CREATED, List.of());
    }
    if (spec.equals(current.getSpec())) {
      if (!ResourceStatus.ERROR.is(current.getStatus())) {
        return DepotDecision.answer(
            result(command, Outcome.UNCHANGED, current).setStatus(current.getStatus()).build());
      }
      // Same spec on a failed depot: try again (its secret may exist now, its database may be up).
      DepotState retry = next(current, command, version, current.getGeneration());
      return started(command, Saga.begin(retry, at, "re-applied"), Outcome.UNCHANGED, List.of());
    }
    DepotState updated = next(current, command, version, current.getGeneration() + 1);
    updated.setSpec(spec);
    return started(
        command,
        Saga.begin(updated, at, "applied"),
        Outcome.UPDATED,
        releases(current, spec, version, at));
  }

  /** A new round for an applied spec: the one who applied it now is the applier. */
  private static DepotState next(
      DepotState current, DepotCommand command, long version, long generation) {
    return DepotState.newBuilder(current)
        .setResourceVersion(version)
        .setGeneration(generation)
        .setUpdatedAt(command.getIssuedAt())
        .setActor(command.getIssuedBy())
        .setApplier(command.getApplier())
        .build();
  }

  /**
   * The applier lost a permission or a grant was withdrawn: every reference is asked for again,
   * with the applier's identity as it is now when the command carries it. A reference no longer
   * allowed is denied and the depot goes to {@code error}; otherwise it is checked and active
   * again.
   */
  private DepotDecision revalidate(DepotState current, DepotCommand command, long version) {
    if (current == null) {
      return rejected(command, ErrorCode.NOT_FOUND, "depot not found", null);
    }
    Applier applier = current.getApplier();
    Applier now = command.getApplier();
    if (now != null && (applier == null || applier.getId().equals(now.getId()))) {
      applier = now;
    }
    DepotState again =
        DepotState.newBuilder(current)
            .setResourceVersion(version)
            .setUpdatedAt(command.getIssuedAt())
            .setApplier(applier)
            .build();
    return started(
        command,
        Saga.begin(again, command.getIssuedAt(), "access re-checked"),
        Outcome.UNCHANGED,
        List.of());
  }

  /** Secrets the old spec referenced and the new one does not: their references are released. */
  private static List<ReferenceRequest> releases(
      DepotState current, DepotSpec spec, long version, long at) {
    Set<String> kept =
        spec.getSecrets().stream().map(DepotSecretRef::getSecretKey).collect(Collectors.toSet());
    return current.getSpec().getSecrets().stream()
        .map(DepotSecretRef::getSecretKey)
        .filter(secret -> !kept.contains(secret))
        .map(
            secret ->
                ReferenceRequests.release(
                    DepotKeys.of(current.getSpec()),
                    current.getSpec().getTenant(),
                    secret,
                    version,
                    at))
        .toList();
  }

  private DepotDecision started(
      DepotCommand command, Saga.Next next, Outcome outcome, List<ReferenceRequest> releases) {
    DepotState state = next.state();
    List<DepotEvent> events = new ArrayList<>();
    if (outcome != Outcome.UNCHANGED) {
      events.add(
          DepotEvents.of(
              DepotEventType.DEPOT_APPLIED,
              state,
              command.getCommandId(),
              command.getIssuedBy(),
              command.getIssuedAt(),
              null,
              null));
    }
    List<ReferenceRequest> requests = new ArrayList<>(releases);
    requests.addAll(next.requests());
    return DepotDecision.put(
        state,
        events,
        result(command, outcome, state).setStatus(state.getStatus()).build(),
        requests,
        next.validation());
  }

  /**
   * Every reference is released. A command that awaits its releases leaves the depot {@code
   * deleting} until secret-service acknowledged each (see {@link Releases}); a depot with nothing
   * to release, or a command from before 0.2, is tombstoned at once.
   */
  private DepotDecision delete(DepotState current, DepotCommand command, long version) {
    if (current == null) {
      return rejected(command, ErrorCode.NOT_FOUND, "depot not found", null);
    }
    List<ReferenceRequest> releases =
        current.getSpec().getSecrets().stream()
            .map(
                ref ->
                    ReferenceRequests.release(
                        DepotKeys.of(current.getSpec()),
                        current.getSpec().getTenant(),
                        ref.getSecretKey(),
                        version,
                        command.getIssuedAt()))
            .toList();
    CommandResult deleted =
        result(command, Outcome.DELETED, current)
            .setResourceVersion(version)
            .setStatus(ResourceStatus.DELETED.wireName())
            .build();
    List<ReferenceRequest> awaited = new ArrayList<>(current.getReleases());
    awaited.addAll(releases);
    if (!command.getAwaitReleases() || awaited.isEmpty()) {
      List<CommandResult> answers = new ArrayList<>(current.getAnswers());
      answers.add(deleted);
      return DepotTransitions.deleted(
          current,
          version,
          command.getCommandId(),
          command.getIssuedBy(),
          command.getIssuedAt(),
          answers,
          releases);
    }
    List<CommandResult> answers = new ArrayList<>(current.getAnswers());
    answers.add(
        CommandResult.newBuilder(deleted).setStatus(ResourceStatus.DELETING.wireName()).build());
    DepotState deleting =
        DepotState.newBuilder(current)
            .setStatus(ResourceStatus.DELETING.wireName())
            .setMessage("waiting for secret-service to release the depot's secrets")
            .setCheckReason(null)
            .setResourceVersion(version)
            .setUpdatedAt(command.getIssuedAt())
            .setActor(command.getIssuedBy())
            .setReleases(awaited)
            .setAnswers(answers)
            .build();
    // the pending releases go again (one may have been lost), then the new ones
    return DepotDecision.put(deleting, List.of(), null, awaited, null);
  }

  private static CommandResult.Builder result(
      DepotCommand command, Outcome outcome, DepotState state) {
    return CommandResult.newBuilder()
        .setCommandId(command.getCommandId())
        .setResourceKey(command.getResourceKey())
        .setOutcome(outcome)
        .setResourceVersion(state.getResourceVersion())
        .setGeneration(state.getGeneration())
        .setProcessedAt(command.getIssuedAt());
  }

  private static DepotDecision rejected(
      DepotCommand command, ErrorCode code, String message, String field) {
    return DepotDecision.answer(
        CommandResult.newBuilder()
            .setCommandId(command.getCommandId())
            .setResourceKey(command.getResourceKey())
            .setOutcome(Outcome.REJECTED)
            .setErrorCode(code.code())
            .setMessage(message)
            .setField(field)
            .setProcessedAt(command.getIssuedAt())
            .build());
  }
}
