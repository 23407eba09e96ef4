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
 * @param results command results to send, in order: the input's own (a command answered at once) or
 *     those of earlier commands whose releases are now acknowledged
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
    List<CommandResult> results,
    List<ReferenceRequest> requests,
    ValidationRequest validation) {

  public enum Store {
    KEEP,
    PUT,
    DELETE
  }

  /** Nothing changes: a stale or duplicate reply, a result for an older check. */
  public static DepotDecision ignore() {
    return new DepotDecision(
        Store.KEEP, null, null, false, 0, List.of(), List.of(), List.of(), null);
  }

  /** A command answered without any change. */
  public static DepotDecision answer(CommandResult result) {
    return new DepotDecision(
        Store.KEEP, null, null, false, 0, List.of(), List.of(result), List.of(), null);
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
        result == null ? List.of() : List.of(result),
        requests,
        validation);
  }

  /**
   * Only the saga's bookkeeping changes (which releases are awaited, which answers wait for them):
   * stored, but the depot as users see it, and so its version, stays the same.
   */
  public static DepotDecision bookkeeping(
      DepotState state, List<CommandResult> results, List<ReferenceRequest> requests) {
    return new DepotDecision(
        Store.PUT,
        state,
        null,
        false,
        state.getResourceVersion(),
        List.of(),
        results,
        requests,
        null);
  }

  /** The depot is gone: its resource state is tombstoned at {@code version}. */
  public static DepotDecision tombstone(
      long version,
      List<DepotEvent> events,
      List<CommandResult> results,
      List<ReferenceRequest> requests) {
    return new DepotDecision(
        Store.DELETE, null, null, true, version, events, results, requests, null);
  }

  /**
   * This decision with its answers held back: they wait in {@code state}, with the releases it
   * awaits, and {@code requests} go out instead of the decision's own.
   */
  public DepotDecision answersHeld(DepotState state, List<ReferenceRequest> requests) {
    if (store == Store.KEEP) {
      return bookkeeping(state, List.of(), requests);
    }
    return new DepotDecision(
        store, state, view, tombstone, resourceVersion, events, List.of(), requests, validation);
  }
}
