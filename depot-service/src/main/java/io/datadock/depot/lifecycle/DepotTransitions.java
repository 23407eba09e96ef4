package io.datadock.depot.lifecycle;

import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotState;
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
        DepotState.newBuilder(state).setStatus(DepotStatus.ERROR).setMessage(message).build();
    List<DepotEvent> events =
        DepotStatus.ERROR.equals(before.getStatus())
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
}
