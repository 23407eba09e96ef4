package io.datadock.depot.lifecycle;

import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.depot.DepotState;

/** Builds the events of {@code depot.events} from a depot's state. */
public final class DepotEvents {

  private DepotEvents() {}

  /**
   * @param eventId the command id for command-caused events; otherwise a deterministic id from the
   *     depot and the version the event comes with, so a redone transaction repeats it exactly
   */
  public static DepotEvent of(
      DepotEventType type,
      DepotState state,
      String eventId,
      String actor,
      long at,
      String reason,
      Boolean verified) {
    DepotSpec spec = state.getSpec();
    return DepotEvent.newBuilder()
        .setEventId(eventId)
        .setType(type)
        .setResourceKey(DepotKeys.of(spec))
        .setTenant(spec.getTenant())
        .setName(spec.getName())
        .setSourceType(spec.getSourceType())
        .setDeclaredType(spec.getDeclaredType())
        .setManifestVersion(spec.getManifestVersion())
        .setGeneration(state.getGeneration())
        .setResourceVersion(state.getResourceVersion())
        .setConnection(spec.getConnection())
        .setSecrets(spec.getSecrets())
        .setScan(spec.getScan())
        .setStatus(state.getStatus())
        .setVerified(verified)
        .setReason(reason)
        .setActor(actor)
        .setOccurredAt(at)
        .build();
  }

  public static String derivedId(DepotState state) {
    return DepotKeys.of(state.getSpec()) + "@" + state.getResourceVersion();
  }
}
