package io.datadock.depot.lifecycle;

import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.ResourceState;
import java.util.List;

/**
 * What one input (a command, a reference reply or a check result) does to one depot.
 *
 * @param store what to do with the store entry
 * @param newState the new store value when {@code store == PUT}
 * @param view the resource state to publish, or null; see {@code tombstone}
 * @param tombstone true when the resource state is deleted
 * @param resourceVersion the version the view (or tombstone) carries
 * @param events depot events to publish, in order
 * @param result the command's result; null for inputs that are not commands
 * @param requests reference and release requests to send, keyed by their secret
 * @param validation a connection check to run, or null
 */
public record DepotDecision(
    Store store,
    DepotState newState,
    ResourceState view,
    boolean tombstone,
    long resourceVersion,
    List<DepotEvent> events,
    CommandResult result,
    List<ReferenceRequest> requests,
    ValidationRequest validation) {

  public enum Store {
    KEEP,
    PUT,
    DELETE
  }

  /** Nothing changes: a stale or duplicate reply, a result for an older check. */
  public static DepotDecision ignore() {
    return new DepotDecision(Store.KEEP, null, null, false, 0, List.of(), null, List.of(), null);
  }

  /** A command answered without any change. */
  public static DepotDecision answer(CommandResult result) {
    return new DepotDecision(Store.KEEP, null, null, false, 0, List.of(), result, List.of(), null);
  }

  /** The depot's state changes and is published; events, requests and a check may follow. */
  public static DepotDecision put(
      DepotState state,
      List<DepotEvent> events,
      CommandResult result,
      List<ReferenceRequest> requests,
      ValidationRequest validation) {
    return new DepotDecision(
        Store.PUT,
        state,
        DepotViews.of(state),
        false,
        state.getResourceVersion(),
        events,
        result,
        requests,
        validation);
  }
}
