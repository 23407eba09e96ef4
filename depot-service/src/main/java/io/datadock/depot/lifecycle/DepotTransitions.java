package io.datadock.depot.lifecycle;

import io.datadock.core.resource.ResourceStatus;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import java.util.List;

/** Transitions more than one decider makes. */
public final class DepotTransitions {

  /** Who depot-service's own transitions are attributed to in events. */
  public static final String SYSTEM = "system:depot-service";

  private DepotTransitions() {}

  /**
   * The depot goes to {@code error} with {@code message}; {@code DepotFailed} is emitted when it
   * was not in error already (a second reason is recorded, not announced again).
   */
  public static DepotDecision fail(DepotState before, DepotState state, String message, long at) {
    DepotState failed =
        DepotState.newBuilder(state)
            .setStatus(ResourceStatus.ERROR.wireName())
            .setMessage(message)
            .build();
    List<DepotEvent> events =
        ResourceStatus.ERROR.is(before.getStatus())
            ? List.of()
            : List.of(
                DepotEvents.of(
                    DepotEventType.DEPOT_FAILED,
                    failed,
                    DepotEvents.derivedId(failed),
                    SYSTEM,
                    at,
                    message,
                    null));
    return DepotDecision.put(failed, events, null, List.of(), null);
  }

  /**
   * The depot is gone: its resource state is tombstoned at {@code version}, {@code DepotDeleted} is
   * emitted (with the id, actor and time of the DELETE that asked for it) and the DELETE answers
   * are sent at that version, after the answers of earlier commands still waiting.
   *
   * @param answers the answers to send, in command order; those of DELETEs get the tombstone's
   *     version
   */
  public static DepotDecision deleted(
      DepotState state,
      long version,
      String deleteId,
      String actor,
      long at,
      List<CommandResult> answers,
      List<ReferenceRequest> requests) {
    DepotState gone =
        DepotState.newBuilder(state)
            .setStatus(ResourceStatus.DELETED.wireName())
            .setResourceVersion(version)
            .setActor(actor)
            .build();
    DepotEvent event =
        DepotEvents.of(DepotEventType.DEPOT_DELETED, gone, deleteId, actor, at, null, null);
    List<CommandResult> results =
        answers.stream()
            .map(
                answer ->
                    answer.getOutcome() != Outcome.DELETED
                        ? answer
                        : CommandResult.newBuilder(answer)
                            .setResourceVersion(version)
                            .setGeneration(gone.getGeneration())
                            .setStatus(ResourceStatus.DELETED.wireName())
                            .build())
            .toList();
    return DepotDecision.tombstone(version, List.of(event), results, requests);
  }
}
