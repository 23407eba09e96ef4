package io.datadock.depot.saga;

import io.datadock.core.resource.ResourceStatus;
import io.datadock.depot.lifecycle.DepotDecision;
import io.datadock.depot.lifecycle.DepotEvents;
import io.datadock.depot.lifecycle.DepotTransitions;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The releases a depot waits for. A command that releases secret references (a DELETE, an APPLY
 * that drops a secret) is answered once secret-service has acknowledged each of them ({@code
 * RELEASED}), so the command that follows, typically deleting the secret, finds it free.
 *
 * <p>A release carries the version of the decision that sent it as its round, and its
 * acknowledgement echoes it. An answer waits while a release of its version or an earlier one is
 * pending: answers go out in command order, and once a command is answered every release sent
 * before it is done. A deleting depot is tombstoned with its last acknowledgement.
 *
 * <p>An acknowledgement is matched by secret and round: a repeated one finds nothing and changes
 * nothing. A lost one only delays: a command that is not refused sends again the pending releases
 * of secrets the depot no longer references (secret-service acknowledges every release, also of a
 * dependency already gone), a second DELETE all of them.
 */
public final class Releases {

  private Releases() {}

  /**
   * A command's decision as it goes out when its command awaits releases: the releases it sends are
   * recorded, and its answer waits behind them and behind those still pending. A refusal, or a
   * decision with nothing to wait for, goes out as it is.
   */
  public static DepotDecision awaited(DepotState current, DepotDecision decided) {
    if (current == null
        || decided.results().stream().anyMatch(r -> r.getOutcome() == Outcome.REJECTED)) {
      return decided;
    }
    DepotState base = decided.store() == DepotDecision.Store.PUT ? decided.newState() : current;
    List<ReferenceRequest> awaited = new ArrayList<>(current.getReleases());
    decided.requests().stream()
        .filter(r -> r.getAction() == ReferenceAction.RELEASE)
        .forEach(awaited::add);
    if (awaited.isEmpty()) {
      return decided;
    }
    List<CommandResult> answers = new ArrayList<>(current.getAnswers());
    answers.addAll(decided.results());
    DepotState state = DepotState.newBuilder(base).setReleases(awaited).setAnswers(answers).build();
    List<ReferenceRequest> requests = notReferenced(current.getReleases(), base.getSpec());
    requests.addAll(decided.requests());
    return decided.answersHeld(state, requests);
  }

  /**
   * secret-service acknowledged a release: the answers no pending release holds back any more are
   * sent; a deleting depot whose last release this was is gone.
   */
  public static DepotDecision acknowledged(DepotState current, ReferenceReply reply) {
    List<ReferenceRequest> pending = new ArrayList<>(current.getReleases());
    boolean matched =
        pending.removeIf(
            r -> r.getSecretKey().equals(reply.getSecretKey()) && r.getRound() == reply.getRound());
    if (!matched) {
      return DepotDecision.ignore();
    }
    if (ResourceStatus.DELETING.is(current.getStatus()) && pending.isEmpty()) {
      CommandResult delete =
          current.getAnswers().stream()
              .filter(a -> a.getOutcome() == Outcome.DELETED)
              .findFirst()
              .orElse(null);
      return DepotTransitions.deleted(
          current,
          current.getResourceVersion() + 1,
          delete == null ? DepotEvents.derivedId(current) : delete.getCommandId(),
          current.getActor(),
          delete == null ? current.getUpdatedAt() : delete.getProcessedAt(),
          current.getAnswers(),
          List.of());
    }
    List<CommandResult> ready = new ArrayList<>();
    List<CommandResult> waiting = new ArrayList<>();
    for (CommandResult answer : current.getAnswers()) {
      boolean held =
          !waiting.isEmpty()
              || pending.stream().anyMatch(r -> r.getRound() <= answer.getResourceVersion());
      (held ? waiting : ready).add(answer);
    }
    DepotState state =
        DepotState.newBuilder(current).setReleases(pending).setAnswers(waiting).build();
    return DepotDecision.bookkeeping(state, ready, List.of());
  }

  /** The pending releases of secrets {@code spec} does not reference: safe to send again. */
  private static List<ReferenceRequest> notReferenced(
      List<ReferenceRequest> pending, DepotSpec spec) {
    Set<String> referenced =
        spec.getSecrets().stream().map(DepotSecretRef::getSecretKey).collect(Collectors.toSet());
    return new ArrayList<>(
        pending.stream().filter(r -> !referenced.contains(r.getSecretKey())).toList());
  }
}
